using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Persistence.SignInThrottling;

internal sealed class SignInFailureCountConfiguration : IEntityTypeConfiguration<SignInFailureCount>
{
    public const string Table = "SignInFailureCounts";

    /// <summary>Hex SHA-256.</summary>
    public const int KeyLength = 64;

    public void Configure(EntityTypeBuilder<SignInFailureCount> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).HasMaxLength(KeyLength).IsUnicode(false);

        // Expired rows are deleted, and the oldest evicted beyond the cap, by this order.
        builder.HasIndex(c => c.LastFailureAt);
    }
}
