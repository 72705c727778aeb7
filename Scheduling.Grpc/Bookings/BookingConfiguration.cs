using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.Queues;

namespace VideoEngager.Scheduling.Bookings;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    /// <summary>One live video leg per chat: a second Start Video that loses the race meets this index.</summary>
    public const string LiveLegIndex = "ux_bookings_live_conversation";

    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("bookings");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(40);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.CallbackStatus).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.VisitorName).HasMaxLength(200);
        builder.Property(b => b.VisitorEmail).HasMaxLength(254);
        builder.Property(b => b.VisitorPhone).HasMaxLength(32);
        builder.Property(b => b.PreferredLang).HasMaxLength(16);
        builder.Property(b => b.Attributes).HasJsonConversion();
        builder.Property(b => b.CustomerToken).HasMaxLength(64);
        builder.Property(b => b.AgentToken).HasMaxLength(64);
        builder.Property(b => b.ManageToken).HasMaxLength(64);
        builder.Property(b => b.ConversationId).HasMaxLength(64);
        builder.Property(b => b.ConversationParticipantId).HasMaxLength(64);
        builder.Property(b => b.LiveConversationId).HasMaxLength(64);
        builder.Property(b => b.AdvisorEmail).HasMaxLength(254);
        builder.Property(b => b.CallbackId).HasMaxLength(64);
        builder.Property(b => b.CallbackAcdId).HasMaxLength(64);
        builder.Property(b => b.CallbackError).HasMaxLength(1000);
        builder.HasIndex(b => new { b.TenantId, b.QueueId, b.ScheduledTime });
        // The platform's events name the conversation; its booking is found by it.
        builder.HasIndex(b => b.CallbackId);
        builder.HasIndex(b => new { b.TenantId, b.LiveConversationId })
            .IsUnique()
            .HasFilter("live_conversation_id IS NOT NULL")
            .HasDatabaseName(LiveLegIndex);
        builder.HasOne<Queue>().WithMany().HasForeignKey(b => new { b.TenantId, b.QueueId });
    }
}

internal sealed class SlotInventoryConfiguration : IEntityTypeConfiguration<SlotInventory>
{
    public void Configure(EntityTypeBuilder<SlotInventory> builder)
    {
        builder.ToTable("slot_inventory", t => t.HasCheckConstraint("ck_slot_inventory_booked", "booked >= 0"));
        builder.HasKey(s => new { s.TenantId, s.QueueId, s.SlotStart });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.TenantId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
    }
}
