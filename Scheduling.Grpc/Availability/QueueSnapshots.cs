using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using VideoEngager.Scheduling.Holds;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.Queues;

namespace VideoEngager.Scheduling.Availability;

/// <summary>A queue's configuration and agents, as of one configuration version, with its tenant's sender.</summary>
internal sealed record QueueSetup(long Version, Queue Queue, QueueCalendar Calendar, IReadOnlyList<Agent> Agents, TenantSender Sender);

/// <summary>Who a tenant's mails and invites come from; set when the tenant is created and never changed.</summary>
internal sealed record TenantSender(string Name, string Email);

/// <summary>A queue's taken seats, as of one seats version: bookings per slot and live holds with their expiry.</summary>
internal sealed record SeatsSnapshot(
    long Version, IReadOnlyDictionary<Instant, int> Booked, IReadOnlyList<(Instant Slot, Instant ExpiresAt)> Holds)
{
    public static SeatsSnapshot Empty { get; } = new(-1, new Dictionary<Instant, int>(), []);

    /// <summary>Bookings plus holds still live at <paramref name="now"/>, per slot start.</summary>
    public IReadOnlyDictionary<Instant, int> TakenAt(Instant now)
    {
        if (Holds.Count == 0)
        {
            return Booked;
        }
        var taken = new Dictionary<Instant, int>(Booked);
        foreach (var (slot, expiresAt) in Holds)
        {
            if (expiresAt > now)
            {
                taken[slot] = taken.GetValueOrDefault(slot) + 1;
            }
        }
        return taken;
    }
}

/// <summary>
/// Keeps each queue's setup and taken seats in memory so a calendar is answered without scanning bookings. Two
/// versions per queue live in Redis: one bumped by configuration changes, one by every seat change (booking, cancel,
/// reschedule, hold) after it commits. A reader uses the versions of its replica's lease on them (see
/// <see cref="CalendarLeases"/>), or else reads both in one round trip started after it arrived (shared with the callers
/// queued behind the same flight), and reloads what moved; so no replica shows a taken seat as free once the change has
/// been answered. Without Redis every read goes to the stores.
/// </summary>
internal sealed class QueueSnapshots(
    IServiceScopeFactory scopes, CalendarLeases leases, SlotHolds holds, TimeProvider clock, ILogger<QueueSnapshots> logger)
{
    private readonly ConcurrentDictionary<(string TenantId, string QueueId), QueueSetup> _setups = new();
    private readonly ConcurrentDictionary<(string TenantId, string QueueId), SeatsSnapshot> _seats = new();
    private readonly ConcurrentDictionary<(string TenantId, string QueueId), CoalescedCall<long[]?>> _versionReads = new();
    private readonly ConcurrentDictionary<(string TenantId, string QueueId), CoalescedCall<bool>> _seatBumps = new();

    /// <summary>Whether the queue's setup has been loaded here (it exists, or did when last looked at).</summary>
    public bool Knows(string tenantId, string queueId) => _setups.ContainsKey((tenantId, queueId));

    public async Task<QueueSetup?> GetSetupAsync(string tenantId, string queueId, CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(tenantId, queueId);
        return await SetupAsync(tenantId, queueId, versions?[0], cancellationToken);
    }

    /// <returns>The setup (null for an unknown queue) and the seats taken in it.</returns>
    public async Task<(QueueSetup? Setup, SeatsSnapshot Seats)> GetCalendarStateAsync(
        string tenantId, string queueId, CancellationToken cancellationToken)
    {
        var versions = await VersionsAsync(tenantId, queueId);
        var setup = await SetupAsync(tenantId, queueId, versions?[0], cancellationToken);
        if (setup is null)
        {
            return (null, SeatsSnapshot.Empty);
        }
        var key = (tenantId, queueId);
        if (versions?[1] is { } current && _seats.TryGetValue(key, out var cached) && cached.Version == current)
        {
            return (setup, cached);
        }
        var seats = await LoadSeatsAsync(tenantId, queueId, versions?[1] ?? -1, cancellationToken);
        if (versions is not null)
        {
            _seats[key] = seats;
        }
        return (setup, seats);
    }

    /// <summary>Called after a booking or hold change commits.</summary>
    public Task SeatsChangedAsync(string tenantId, string queueId)
    {
        _seats.TryRemove((tenantId, queueId), out _);
        // Bookings committed together share one bump that starts after each of them committed.
        return _seatBumps.GetOrAdd((tenantId, queueId), static (key, self) =>
            new CoalescedCall<bool>(() => self.BumpAsync(key.TenantId, key.QueueId, CalendarVersion.Seats)), this).RunAsync();
    }

    /// <summary>Called after the queue's configuration or its agent group changes.</summary>
    public Task SetupChangedAsync(string tenantId, string queueId)
    {
        _setups.TryRemove((tenantId, queueId), out _);
        return BumpAsync(tenantId, queueId, CalendarVersion.Setup);
    }

    private async Task<QueueSetup?> SetupAsync(string tenantId, string queueId, long? version, CancellationToken cancellationToken)
    {
        var key = (tenantId, queueId);
        if (version is { } current && _setups.TryGetValue(key, out var cached) && cached.Version == current)
        {
            return cached;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        var queue = await db.Queues.AsNoTracking()
            .SingleOrDefaultAsync(q => q.TenantId == tenantId && q.Id == queueId, cancellationToken);
        if (queue is null)
        {
            // Unknown ids must not pile up.
            _versionReads.TryRemove(key, out _);
            leases.Forget(tenantId, queueId);
            return null;
        }
        var agents = queue.AgentGroupId is null
            ? null
            : await db.AgentGroups.AsNoTracking()
                .Where(g => g.TenantId == tenantId && g.Id == queue.AgentGroupId)
                .Select(g => g.Agents)
                .SingleOrDefaultAsync(cancellationToken);
        var sender = await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => new TenantSender(t.Name, t.SenderEmail))
            .SingleAsync(cancellationToken);
        var setup = new QueueSetup(version ?? -1, queue, QueueCalendar.For(queue), agents ?? [], sender);
        if (version is not null)
        {
            _setups[key] = setup;
        }
        return setup;
    }

    private async Task<SeatsSnapshot> LoadSeatsAsync(string tenantId, string queueId, long version, CancellationToken cancellationToken)
    {
        var liveHolds = await ListHoldsAsync(tenantId, queueId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        // Slots that started more than a day ago can no longer appear in a calendar.
        var from = clock.GetUtcNow().AddDays(-1);
        var booked = await db.SlotInventory.AsNoTracking()
            .Where(s => s.TenantId == tenantId && s.QueueId == queueId && s.SlotStart >= from && s.Booked > 0)
            .ToDictionaryAsync(s => Instant.FromDateTimeOffset(s.SlotStart), s => s.Booked, cancellationToken);
        return new SeatsSnapshot(version, booked, liveHolds);
    }

    private async Task<IReadOnlyList<(Instant Slot, Instant ExpiresAt)>> ListHoldsAsync(string tenantId, string queueId)
    {
        try
        {
            return await holds.ListLiveAsync(tenantId, queueId);
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            SchedulingLog.RedisUnavailable(logger, e.GetType().Name);
            return [];
        }
    }

    /// <summary>
    /// The queue's setup and seats versions: those of this replica's lease on them, or else read after the caller
    /// arrived (concurrent callers share the read, which takes a new lease).
    /// </summary>
    private Task<long[]?> VersionsAsync(string tenantId, string queueId) =>
        leases.Current(tenantId, queueId)
        ?? _versionReads.GetOrAdd((tenantId, queueId), static (key, self) =>
            new CoalescedCall<long[]?>(() => self.ReadVersionsAsync(key.TenantId, key.QueueId)), this).RunAsync();

    /// <returns>The versions (0 when never bumped), or null when Redis cannot say: then nothing is cached.</returns>
    private async Task<long[]?> ReadVersionsAsync(string tenantId, string queueId)
    {
        try
        {
            return await leases.AcquireAsync(tenantId, queueId);
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            SchedulingLog.RedisUnavailable(logger, e.GetType().Name);
            return null;
        }
    }

    /// <returns>Whether Redis took the bump.</returns>
    private async Task<bool> BumpAsync(string tenantId, string queueId, CalendarVersion kind)
    {
        try
        {
            await leases.BumpAsync(tenantId, queueId, kind);
            return true;
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            // Leases from before have run out and the bump is retried in the background; the database still refuses overbooking.
            SchedulingLog.RedisUnavailable(logger, e.GetType().Name);
            return false;
        }
    }
}
