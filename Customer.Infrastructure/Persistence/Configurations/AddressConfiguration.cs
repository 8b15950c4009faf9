using CustomerService.Domain.Common;
using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence;

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    /// <summary>Shadow foreign key: the domain's Address knows its owner through the aggregate, not by id.</summary>
    public const string CustomerIdColumn = "CustomerId";

    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.ToTable("CustomerAddresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(EntityId.MaxLength).IsUnicode(false);
        builder.Property<string>(CustomerIdColumn).HasMaxLength(EntityId.MaxLength).IsUnicode(false);
        builder.HasIndex(CustomerIdColumn, nameof(Address.Position));
        builder.Ignore(a => a.Details);

        builder.Property(a => a.Name).HasMaxLength(AddressDetails.MaxShortTextLength);
        builder.Property(a => a.FirstName).HasMaxLength(AddressDetails.MaxShortTextLength);
        builder.Property(a => a.LastName).HasMaxLength(AddressDetails.MaxShortTextLength);
        builder.Property(a => a.Address1).HasMaxLength(AddressDetails.MaxLineLength);
        builder.Property(a => a.Address2).HasMaxLength(AddressDetails.MaxLineLength);
        builder.Property(a => a.PostCode).HasMaxLength(AddressDetails.MaxPostCodeLength);
        builder.Property(a => a.City).HasMaxLength(AddressDetails.MaxShortTextLength);
        builder.Property(a => a.State).HasMaxLength(AddressDetails.MaxShortTextLength);
        builder.Property(a => a.Country).HasMaxLength(AddressDetails.MaxShortTextLength);
        builder.Property(a => a.Company).HasMaxLength(AddressDetails.MaxShortTextLength);
        builder.Property(a => a.Phone).HasMaxLength(AddressDetails.MaxPhoneLength);
        builder.Property(a => a.Instructions).HasMaxLength(AddressDetails.MaxInstructionsLength);
    }
}
