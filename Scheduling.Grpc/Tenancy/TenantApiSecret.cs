using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace VideoEngager.Scheduling.Tenancy;

/// <summary>A secret a tenant's servers authenticate with; only its SHA-256 is stored, and it can be revoked.</summary>
public sealed class TenantApiSecret
{
    public required string Id { get; init; }
    public required string TenantId { get; init; }
    public required string SecretHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
}

internal sealed class TenantApiSecretConfiguration : IEntityTypeConfiguration<TenantApiSecret>
{
    public void Configure(EntityTypeBuilder<TenantApiSecret> builder)
    {
        builder.ToTable("tenant_api_secrets");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(40);
        builder.Property(s => s.SecretHash).HasMaxLength(64);
        builder.HasIndex(s => s.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId);
    }
}
