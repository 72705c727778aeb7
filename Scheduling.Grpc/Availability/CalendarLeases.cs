using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using VideoEngager.Outbox;

namespace VideoEngager.Scheduling.Availability;

/// <summary>
/// Read leases on a queue's versions: while a replica holds one it answers the queue's calendar from memory without a
/// Redis round trip per request, and still no replica shows a taken seat as free once the change has been answered.
/// A reader registers as a holder until Redis's now + lifetime and reads both versions in one script. A writer bumps a
/// version and lists the holders in one script, broadcasts a revoke and waits until each other holder has acknowledged
/// it or its lease has run out. So when the write is answered, no lease from before it is in use. Every writer waits
/// for every listed holder (records stay until well past their lease), so two writes close together both wait. A
/// holder counts its lease from before it asked, so its lease lapses before Redis's record of it does; it takes leases
/// only while subscribed to revokes, and drops them all whenever that subscription breaks or comes back.
/// </summary>
internal sealed class CalendarLeases : IDisposable
{
    private static readonly RedisChannel Revokes = RedisChannel.Literal("ve:calendar-revoke");
    // A writer's wait for a silent holder ends this long after the holder's lease has ended by Redis's clock.
    private static readonly TimeSpan SilentHolderMargin = TimeSpan.FromMilliseconds(20);
    // The longest lease any replica may take (the options' range): bounds a write's wait if Redis's clock steps back.
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(30);

    private static readonly LuaScript AcquireScript = LuaScript.Prepare("""
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local lifetime = tonumber(@lifetime)
        redis.call('HSET', @leases, @replica, now + lifetime)
        -- Only ever extended: another replica may run with a longer lifetime.
        if redis.call('PTTL', @leases) < 2 * lifetime then redis.call('PEXPIRE', @leases, 2 * lifetime) end
        return redis.call('MGET', @setupKey, @seatsKey)
        """);

    // Answers the new version, then each other holder with the milliseconds its lease has left (0 or less: it ended).
    // Records ended more than a lifetime ago are dropped; more recent ones are still asked, in case Redis's clock stepped.
    private static readonly LuaScript BumpScript = LuaScript.Prepare("""
        local version = redis.call('INCR', @versionKey)
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local holders = redis.call('HGETALL', @leases)
        local result = { version }
        for i = 1, #holders, 2 do
          local left = tonumber(holders[i + 1]) - now
          if left <= -tonumber(@lifetime) then
            redis.call('HDEL', @leases, holders[i])
          elseif holders[i] ~= @replica then
            table.insert(result, holders[i])
            table.insert(result, left)
          end
        end
        return result
        """);

    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _clock;
    private readonly ILogger<CalendarLeases> _logger;
    private readonly TimeSpan _lifetime;
    private readonly string _replica = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _acks;
    private readonly ConcurrentDictionary<(string TenantId, string QueueId), QueueLease> _queues = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaitedAcks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string TenantId, string QueueId, CalendarVersion Kind), byte> _retriedBumps = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly Lock _subscribing = new();
    private Task<bool>? _subscription;
    private int _epoch;

    public CalendarLeases(IConnectionMultiplexer redis, IOptions<CalendarLeaseOptions> options, TimeProvider clock, ILogger<CalendarLeases> logger)
    {
        (_redis, _clock, _logger, _lifetime) = (redis, clock, logger, options.Value.Lifetime);
        _acks = AckChannel(_replica);
        // Revokes may have been missed while the subscription was down: no lease taken before then can be trusted.
        _redis.ConnectionFailed += OnSubscriptionChanged;
        _redis.ConnectionRestored += OnSubscriptionChanged;
        _ = Subscription();
    }

    private IDatabase Db => _redis.GetDatabase();

    /// <returns>The queue's versions (setup, seats) while this replica holds a valid lease on them; otherwise null.</returns>
    public Task<long[]?>? Current(string tenantId, string queueId) =>
        _queues.TryGetValue((tenantId, queueId), out var queue)
        && queue.Lease is { } lease
        && lease.Epoch == Volatile.Read(ref _epoch)
        && _clock.GetElapsedTime(lease.TakenAt) < _lifetime
            ? lease.Answer
            : null;

    /// <summary>Reads the queue's versions (0 when never bumped) and, when revokes can reach this replica, takes a lease on them.</summary>
    public async Task<long[]> AcquireAsync(string tenantId, string queueId)
    {
        var (setupKey, seatsKey) = VersionKeys(tenantId, queueId);
        // Read first: a subscription that breaks after this moves the epoch, and the lease is never used.
        var epoch = Volatile.Read(ref _epoch);
        if (!IsSubscribed())
        {
            // Registered as a holder, this replica would hold every writer up for a lifetime: it could not acknowledge.
            return Versions(await Db.StringGetAsync([setupKey, seatsKey]));
        }
        var queue = _queues.GetOrAdd((tenantId, queueId), static _ => new QueueLease());
        var takenAt = _clock.GetTimestamp();
        var values = (RedisValue[])(await Db.ScriptEvaluateAsync(AcquireScript, new
        {
            leases = LeasesKey(tenantId, queueId),
            setupKey,
            seatsKey,
            replica = _replica,
            lifetime = (long)_lifetime.TotalMilliseconds,
        }))!;
        var versions = Versions(values);
        queue.Offer(new CalendarLease(versions, takenAt, epoch));
        return versions;
    }

    /// <summary>
    /// Moves one of the queue's versions after a write committed, and returns once no replica can still use a lease
    /// from before it. When Redis cannot take the bump, waits one lifetime (every lease taken before Redis went away has
    /// run out by then), throws, and keeps retrying the bump in the background: replicas that still reach Redis would
    /// otherwise renew their leases on the old version.
    /// </summary>
    public async Task BumpAsync(string tenantId, string queueId, CalendarVersion kind)
    {
        try
        {
            await BumpAndRevokeAsync(tenantId, queueId, kind);
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            _ = RetryBumpAsync(tenantId, queueId, kind);
            await Task.Delay(_lifetime, _clock);
            throw;
        }
    }

    private async Task BumpAndRevokeAsync(string tenantId, string queueId, CalendarVersion kind)
    {
        var (setupKey, seatsKey) = VersionKeys(tenantId, queueId);
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(BumpScript, new
        {
            versionKey = kind == CalendarVersion.Setup ? setupKey : seatsKey,
            leases = LeasesKey(tenantId, queueId),
            replica = _replica,
            lifetime = (long)_lifetime.TotalMilliseconds,
        }))!;
        var version = (long)result[0];
        Revoke(tenantId, queueId, kind, version);
        if (result.Length == 1)
        {
            return;
        }
        var waits = new List<Task>(result.Length / 2);
        for (var i = 1; i + 1 < result.Length; i += 2)
        {
            var ack = Message((string)result[i]!, tenantId, queueId, kind, version);
            var acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _awaitedAcks[ack] = acked;
            var left = TimeSpan.FromMilliseconds(Math.Clamp((long)result[i + 1], 0, (long)MaxLifetime.TotalMilliseconds));
            waits.Add(AwaitAckAsync(ack, acked.Task, left + SilentHolderMargin));
        }
        try
        {
            // Acknowledgements come on this replica's own channel: unheard, the waits run to the leases' end.
            await Subscription();
            await Db.PublishAsync(Revokes, Message(_replica, tenantId, queueId, kind, version));
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            SchedulingLog.RedisUnavailable(_logger, e.GetType().Name); // the holders' leases run out meanwhile
        }
        await Task.WhenAll(waits);
    }

    /// <summary>One loop per version, backing off as callbacks do (from 1 s, doubling to 30 s, jittered), until Redis takes the bump (an extra one is harmless).</summary>
    private async Task RetryBumpAsync(string tenantId, string queueId, CalendarVersion kind)
    {
        if (!_retriedBumps.TryAdd((tenantId, queueId, kind), 0))
        {
            return;
        }
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await Task.Delay(Backoff.Delay(attempt, TimeSpan.FromSeconds(1), MaxLifetime, Random.Shared.NextDouble()), _clock, _disposed.Token);
                try
                {
                    await BumpAndRevokeAsync(tenantId, queueId, kind);
                    return;
                }
                catch (Exception e) when (RedisFault.Is(e))
                {
                    SchedulingLog.RedisUnavailable(_logger, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // Shutting down: the next write to the queue bumps it.
        }
        finally
        {
            _retriedBumps.TryRemove((tenantId, queueId, kind), out _);
        }
    }

    /// <summary>Forgets a queue that does not exist, so unknown ids do not pile up.</summary>
    public void Forget(string tenantId, string queueId) => _queues.TryRemove((tenantId, queueId), out _);

    public void Dispose()
    {
        _redis.ConnectionFailed -= OnSubscriptionChanged;
        _redis.ConnectionRestored -= OnSubscriptionChanged;
        var subscriber = _redis.GetSubscriber();
        subscriber.Unsubscribe(Revokes, OnRevoke, CommandFlags.FireAndForget);
        subscriber.Unsubscribe(_acks, OnAck, CommandFlags.FireAndForget);
        _disposed.Cancel(); // not disposed: a retry loop may still be reading its token
    }

    private async Task AwaitAckAsync(string ack, Task acked, TimeSpan leaseLeft)
    {
        try
        {
            await acked.WaitAsync(leaseLeft, _clock);
        }
        catch (TimeoutException)
        {
            SchedulingLog.LeaseHolderSilent(_logger, leaseLeft);
        }
        finally
        {
            _awaitedAcks.TryRemove(ack, out _);
        }
    }

    private void Revoke(string tenantId, string queueId, CalendarVersion kind, long version)
    {
        if (_queues.TryGetValue((tenantId, queueId), out var queue))
        {
            queue.Revoke(kind, version);
        }
    }

    private void OnRevoke(RedisChannel channel, RedisValue message)
    {
        if (Parse(message) is not { } revoke || revoke.Replica == _replica)
        {
            return;
        }
        Revoke(revoke.TenantId, revoke.QueueId, revoke.Kind, revoke.Version);
        var ack = Message(_replica, revoke.TenantId, revoke.QueueId, revoke.Kind, revoke.Version);
        Db.Publish(AckChannel(revoke.Replica), ack, CommandFlags.FireAndForget);
    }

    private void OnAck(RedisChannel channel, RedisValue message)
    {
        if (_awaitedAcks.TryRemove(message.ToString(), out var acked))
        {
            acked.TrySetResult();
        }
    }

    private bool IsSubscribed()
    {
        var subscription = Subscription();
        return subscription.IsCompletedSuccessfully && subscription.Result
            && _redis.GetSubscriber().IsConnected(Revokes);
    }

    /// <summary>The subscription to revokes and to this replica's acknowledgements; tried again after a failure.</summary>
    /// <remarks>Once subscribed, the client subscribes again by itself after reconnecting.</remarks>
    private Task<bool> Subscription()
    {
        lock (_subscribing)
        {
            if (_subscription is null || (_subscription.IsCompleted && !(_subscription.IsCompletedSuccessfully && _subscription.Result)))
            {
                _subscription = SubscribeAsync();
            }
            return _subscription;
        }
    }

    private async Task<bool> SubscribeAsync()
    {
        try
        {
            var subscriber = _redis.GetSubscriber();
            await subscriber.SubscribeAsync(_acks, OnAck);
            await subscriber.SubscribeAsync(Revokes, OnRevoke);
            return true;
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            SchedulingLog.RedisUnavailable(_logger, e.GetType().Name);
            return false;
        }
    }

    private void OnSubscriptionChanged(object? sender, ConnectionFailedEventArgs e)
    {
        if (e.ConnectionType == ConnectionType.Subscription)
        {
            Interlocked.Increment(ref _epoch);
        }
    }

    private static long[] Versions(RedisValue[] values) => [(long?)values[0] ?? 0, (long?)values[1] ?? 0];

    private static string Message(string replica, string tenantId, string queueId, CalendarVersion kind, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"{replica}\n{(int)kind}\n{version}\n{tenantId}\n{queueId}");

    private static (string Replica, CalendarVersion Kind, long Version, string TenantId, string QueueId)? Parse(RedisValue message)
    {
        var parts = message.ToString().Split('\n', 5);
        return parts.Length == 5
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kind) && kind is 0 or 1
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (parts[0], (CalendarVersion)kind, version, parts[3], parts[4])
            : null;
    }

    private static RedisChannel AckChannel(string replica) => RedisChannel.Literal($"ve:calendar-ack:{replica}");

    private static RedisKey LeasesKey(string tenantId, string queueId) => $"ve:calendar-leases:{{{tenantId}:{queueId}}}";

    private static (RedisKey Setup, RedisKey Seats) VersionKeys(string tenantId, string queueId) =>
        ($"ve:queue-version:{{{tenantId}:{queueId}}}", $"ve:seats-version:{{{tenantId}:{queueId}}}");
}
