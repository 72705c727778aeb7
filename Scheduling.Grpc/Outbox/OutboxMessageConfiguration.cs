using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VideoEngager.Scheduling.Outbox;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.Property(m => m.Channel).HasMaxLength(32);
        builder.Property(m => m.Kind).HasMaxLength(64);
        builder.Property(m => m.Recipient).HasMaxLength(254);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.TraceParent).HasMaxLength(55);
        // Consumers claim their channel's pending messages in (due, id) order: an ordered walk that stops at the limit.
        builder.HasIndex(m => new { m.Channel, m.DueAt, m.Id }).HasFilter("processed_at IS NULL AND failed_at IS NULL");
        builder.HasIndex(m => m.BookingId);
    }
}
