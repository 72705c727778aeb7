using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoEngager.Scheduling.Persistence;

namespace VideoEngager.Scheduling.Outbox;

/// <summary>
/// Deletes settled outbox messages (sent, skipped or parked) once they are older than
/// <see cref="OutboxRetentionOptions.Keep"/>: each booking writes two or more, so the table would otherwise only grow.
/// Pending messages are never touched, however old. Several replicas may run it: a deleted row is simply gone.
/// </summary>
internal sealed class OutboxRetention(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<OutboxRetentionOptions> options, ILogger<OutboxRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.Interval, clock, stoppingToken);
                var deleted = await DeleteSettledAsync(clock.GetUtcNow() - settings.Keep, settings.BatchSize, stoppingToken);
                if (deleted > 0)
                {
                    SchedulingLog.OutboxPruned(logger, deleted);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                SchedulingLog.OutboxPruneFailed(logger, e); // tried again at the next interval
            }
        }
    }

    /// <summary>Deletes batch after batch, oldest first, until none is left before <paramref name="cutoff"/>.</summary>
    private async Task<long> DeleteSettledAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        long total = 0;
        while (true)
        {
            var deleted = await db.Database.ExecuteSqlAsync($"""
                DELETE FROM outbox AS o USING (
                    SELECT id FROM outbox
                    WHERE created_at < {cutoff} AND (processed_at IS NOT NULL OR failed_at IS NOT NULL)
                    ORDER BY id
                    LIMIT {batchSize}) AS old
                WHERE o.id = old.id
                """, cancellationToken);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }
}
