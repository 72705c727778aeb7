using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VideoEngager.Scheduling.Tenancy;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.SenderEmail).HasMaxLength(254);
        builder.Property(t => t.WidgetKeyHash).HasMaxLength(64);
        builder.HasIndex(t => t.WidgetKeyHash).IsUnique();
    }
}
