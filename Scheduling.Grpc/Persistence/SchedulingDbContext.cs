using Microsoft.EntityFrameworkCore;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Outbox;
using VideoEngager.Scheduling.Queues;
using VideoEngager.Scheduling.Tenancy;

namespace VideoEngager.Scheduling.Persistence;

/// <summary>The booking domain's tables. Scheduling.Grpc owns the schema and its migrations.</summary>
public sealed class SchedulingDbContext(DbContextOptions<SchedulingDbContext> options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantApiSecret> TenantApiSecrets => Set<TenantApiSecret>();
    public DbSet<Queue> Queues => Set<Queue>();
    public DbSet<AgentGroup> AgentGroups => Set<AgentGroup>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<SlotInventory> SlotInventory => Set<SlotInventory>();
    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SchedulingDbContext).Assembly);
}
