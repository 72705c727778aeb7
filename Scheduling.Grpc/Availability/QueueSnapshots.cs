using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using StackExchange.Redis;
using VideoEngager.Scheduling.Holds;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.Queues;

namespace VideoEngager.Scheduling.Availability;

/// <summary>A queue's configuration and its booked seats per slot, as of one version.</summary>
internal sealed record QueueSnapshot(long Version, Queue Queue, QueueCalendar Calendar, IReadOnlyDictionary<Instant, int> Booked);

/// <summary>
/// Keeps each queue's snapshot in memory so a calendar is answered without scanning bookings. Every booking change
/// bumps the queue's version in Redis after it commits; a reader whose cached version differs reloads, so no
/// replica shows a taken seat as free once the booking has been answered. Without Redis every read goes to the
/// database.
/// </summary>
internal sealed class QueueSnapshots(
    IServiceScopeFactory scopes, IConnectionMultiplexer redis, SlotHolds holds, TimeProvider clock, ILogger<QueueSnapshots> logger)
{
    private readonly ConcurrentDictionary<(string TenantId, string QueueId), QueueSnapshot> _cache = new();

    /// <returns>The snapshot (null for an unknown queue) and the live holds per slot.</returns>
    public async Task<(QueueSnapshot? Snapshot, IReadOnlyDictionary<Instant, int> Holds)> GetAsync(
        string tenantId, string queueId, CancellationToken cancellationToken)
    {
        long? version = null;
        IReadOnlyDictionary<Instant, int> liveHolds = new Dictionary<Instant, int>();
        try
        {
            var versionTask = redis.GetDatabase().StringGetAsync(VersionKey(tenantId, queueId));
            var holdsTask = holds.CountLiveAsync(tenantId, queueId);
            version = (long?)await versionTask ?? 0;
            liveHolds = await holdsTask;
        }
        catch (RedisException e)
        {
            SchedulingLog.RedisUnavailable(logger, e.GetType().Name);
        }

        var key = (tenantId, queueId);
        if (version is { } current && _cache.TryGetValue(key, out var cached) && cached.Version == current)
        {
            return (cached, liveHolds);
        }

        var snapshot = await LoadAsync(tenantId, queueId, version ?? -1, cancellationToken);
        if (snapshot is not null && version is not null)
        {
            _cache[key] = snapshot;
        }
        return (snapshot, liveHolds);
    }

    /// <summary>Called after a booking change commits.</summary>
    public async Task InvalidateAsync(string tenantId, string queueId)
    {
        _cache.TryRemove((tenantId, queueId), out _);
        try
        {
            await redis.GetDatabase().StringIncrementAsync(VersionKey(tenantId, queueId));
        }
        catch (RedisException e)
        {
            // Other replicas keep a stale snapshot until Redis is back; the database still refuses overbooking.
            SchedulingLog.RedisUnavailable(logger, e.GetType().Name);
        }
    }

    private async Task<QueueSnapshot?> LoadAsync(string tenantId, string queueId, long version, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var queue = await db.Queues.AsNoTracking()
            .SingleOrDefaultAsync(q => q.TenantId == tenantId && q.Id == queueId, cancellationToken);
        if (queue is null)
        {
            return null;
        }
        // Slots that started more than a day ago can no longer appear in a calendar.
        var from = clock.GetUtcNow().AddDays(-1);
        var booked = await db.SlotInventory.AsNoTracking()
            .Where(s => s.TenantId == tenantId && s.QueueId == queueId && s.SlotStart >= from && s.Booked > 0)
            .ToDictionaryAsync(s => Instant.FromDateTimeOffset(s.SlotStart), s => s.Booked, cancellationToken);
        return new QueueSnapshot(version, queue, QueueCalendar.For(queue), booked);
    }

    private static string VersionKey(string tenantId, string queueId) => $"ve:availability-version:{{{tenantId}:{queueId}}}";
}
