using CustomerService.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerService.Infrastructure.Messaging.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.Property(m => m.EventId).HasMaxLength(36).IsUnicode(false);
        builder.Property(m => m.Type).HasMaxLength(32).IsUnicode(false);
        builder.Property(m => m.CustomerId).HasMaxLength(EntityId.MaxLength).IsUnicode(false);
        builder.Property(m => m.Payload);

        // Pruning deletes by age.
        builder.HasIndex(m => m.OccurredAt);
    }
}

internal sealed class PendingOutboxMessageConfiguration : IEntityTypeConfiguration<PendingOutboxMessage>
{
    public void Configure(EntityTypeBuilder<PendingOutboxMessage> builder)
    {
        builder.ToTable("PendingOutboxMessages");
        builder.HasKey(p => p.MessageId);
        builder.Property(p => p.MessageId).ValueGeneratedNever();
        builder.HasOne(p => p.Message).WithOne().HasForeignKey<PendingOutboxMessage>(p => p.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessagingLeaseConfiguration : IEntityTypeConfiguration<MessagingLease>
{
    public void Configure(EntityTypeBuilder<MessagingLease> builder)
    {
        builder.ToTable("MessagingLeases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(64).IsUnicode(false);
        builder.Property(l => l.Holder).HasMaxLength(200);
        builder.HasData(new MessagingLease { Name = MessagingLease.OutboxRelay, Holder = null, ExpiresAt = DateTime.UnixEpoch });
    }
}
