using Microsoft.EntityFrameworkCore;

namespace VideoEngager.Scheduling.Persistence;

/// <summary>
/// Applies migrations and seeds the demo tenant before the server starts listening, so a healthy service always has
/// its schema. EF Core takes a database lock, so replicas starting together migrate once.
/// </summary>
internal sealed class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            async ct => await db.Database.MigrateAsync(ct), cancellationToken);
        SchedulingLog.MigrationsApplied(logger);

        var seed = scope.ServiceProvider.GetRequiredService<DemoTenantSeed>();
        await seed.SeedAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
