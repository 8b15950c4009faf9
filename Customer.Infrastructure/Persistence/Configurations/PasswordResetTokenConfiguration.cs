using CustomerService.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence;

internal sealed class PasswordResetTokenConfiguration : IEntityTypeConfiguration<PasswordResetToken>
{
    public void Configure(EntityTypeBuilder<PasswordResetToken> builder)
    {
        builder.ToTable("PasswordResetTokens");

        // One outstanding token per customer: issuing another replaces it.
        builder.HasKey(t => t.CustomerId);
        builder.Property(t => t.CustomerId).HasMaxLength(Domain.Common.EntityId.MaxLength).IsUnicode(false);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsUnicode(false);
        builder.HasIndex(t => t.TokenHash).IsUnique();

        // A token replaced or consumed by another request meanwhile makes this save a conflict, re-run.
        builder.Property(t => t.TokenHash).IsConcurrencyToken();
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
