using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.Tenancy;

namespace VideoEngager.Scheduling.Queues;

internal sealed class QueueConfiguration : IEntityTypeConfiguration<Queue>
{
    public void Configure(EntityTypeBuilder<Queue> builder)
    {
        builder.ToTable("queues");
        builder.HasKey(q => new { q.TenantId, q.Id });
        builder.Property(q => q.Id).HasMaxLength(64);
        builder.Property(q => q.Name).HasMaxLength(200);
        builder.Property(q => q.TimeZone).HasMaxLength(64);
        builder.Property(q => q.AgentGroupId).HasMaxLength(64);
        builder.Property(q => q.Hours).HasJsonConversion();
        builder.Property(q => q.Flags).HasJsonConversion();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(q => q.TenantId);
    }
}

internal sealed class AgentGroupConfiguration : IEntityTypeConfiguration<AgentGroup>
{
    public void Configure(EntityTypeBuilder<AgentGroup> builder)
    {
        builder.ToTable("agent_groups");
        builder.HasKey(g => new { g.TenantId, g.Id });
        builder.Property(g => g.Id).HasMaxLength(64);
        builder.Property(g => g.Agents).HasJsonConversion();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(g => g.TenantId);
    }
}
