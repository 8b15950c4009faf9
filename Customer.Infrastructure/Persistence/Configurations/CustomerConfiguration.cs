using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    /// <summary>The unique index that decides email ownership; the failure classifier recognises it by this column.</summary>
    public const string NormalizedEmailColumn = nameof(Customer.NormalizedEmail);

    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(EntityId.MaxLength).IsUnicode(false);
        builder.Property(c => c.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(c => c.NormalizedEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.HasIndex(c => c.NormalizedEmail).IsUnique();
        builder.Property(c => c.PasswordHash).HasMaxLength(256).IsUnicode(false);
        builder.Property(c => c.FirstName).HasMaxLength(CustomerRules.MaxNameLength);
        builder.Property(c => c.LastName).HasMaxLength(CustomerRules.MaxNameLength);
        builder.Property(c => c.Status)
            .HasConversion(status => status.ToName(), name => CustomerStatusNames.Parse(name))
            .HasMaxLength(16)
            .IsUnicode(false);
        builder.PrimitiveCollection(c => c.Tags)
            .HasField("_tags")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .Metadata.SetValueComparer(new TagListComparer());
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DomainEvents);
        builder.HasIndex(c => new { c.CreatedAt, c.Id });

        // customer.list by status: its count reads the index alone, and its page comes in list order.
        builder.HasIndex(c => new { c.Status, c.CreatedAt, c.Id });

        builder.HasMany(c => c.Addresses)
            .WithOne()
            .HasForeignKey(AddressConfiguration.CustomerIdColumn)
            .IsRequired()
            .OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Addresses).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
