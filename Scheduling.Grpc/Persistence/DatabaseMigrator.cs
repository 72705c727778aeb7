using Microsoft.EntityFrameworkCore;

namespace VideoEngager.Scheduling.Persistence;

/// <summary>
/// Applies migrations and seeds the demo tenant before the server starts listening, so a healthy service always has
/// its schema. Replicas starting together take turns on a PostgreSQL advisory lock, so each migration runs once.
/// </summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : IHostedService
{
    private const long MigrationLockKey = 0x5644_4D49_4752; // "VDMIGR"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // Session-level: held on this connection for the whole migration. Pooled connections are not reset on
            // return (DatabaseConnection), so it is released here rather than by closing.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }, cancellationToken);
        SchedulingLog.MigrationsApplied(logger);

        var seed = scope.ServiceProvider.GetRequiredService<DemoTenantSeed>();
        await seed.SeedAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
