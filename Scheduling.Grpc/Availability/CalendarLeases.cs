using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace VideoEngager.Scheduling.Availability;

/// <summary>Which of a queue's two versions a write moves.</summary>
internal enum CalendarVersion
{
    Setup = 0,
    Seats = 1,
}

/// <summary>
/// Read leases on a queue's versions: while a replica holds one it answers the queue's calendar from memory without a
/// Redis round trip per request, and still no replica shows a taken seat as free once the change has been answered.
/// A reader registers as a holder until Redis's now + lifetime and reads both versions in one script. A writer bumps a
/// version, takes and clears the list of holders in one script, broadcasts a revoke and waits until each other holder
/// has acknowledged it or its lease has run out. So when the write is answered, no lease from before it is in use. A
/// holder counts its lease from before it asked, so its lease lapses before Redis's record of it does; it takes leases
/// only while subscribed to revokes, and drops them all whenever that subscription breaks or comes back.
/// </summary>
internal sealed class CalendarLeases : IDisposable
{
    private const string RevokeChannel = "ve:calendar-revoke";
    // A writer's wait for a silent holder ends this long after the holder's lease has ended by Redis's clock.
    private static readonly TimeSpan SilentHolderMargin = TimeSpan.FromMilliseconds(20);

    private static readonly LuaScript AcquireScript = LuaScript.Prepare("""
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        redis.call('HSET', @leases, @replica, now + tonumber(@lifetime))
        redis.call('PEXPIRE', @leases, tonumber(@lifetime) * 2)
        return redis.call('MGET', @setupKey, @seatsKey)
        """);

    // Answers the new version, then each other holder whose lease is still running with the milliseconds it has left.
    private static readonly LuaScript BumpScript = LuaScript.Prepare("""
        local version = redis.call('INCR', @versionKey)
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local holders = redis.call('HGETALL', @leases)
        redis.call('DEL', @leases)
        local result = { version }
        for i = 1, #holders, 2 do
          local left = tonumber(holders[i + 1]) - now
          if holders[i] ~= @replica and left > 0 then
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
    private readonly ConcurrentDictionary<(string TenantId, string QueueId), QueueLease> _queues = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaitedAcks = new(StringComparer.Ordinal);
    private readonly Lock _subscribing = new();
    private Task<bool>? _subscription;
    private int _epoch;

    public CalendarLeases(IConnectionMultiplexer redis, IOptions<CalendarLeaseOptions> options, TimeProvider clock, ILogger<CalendarLeases> logger)
    {
        (_redis, _clock, _logger, _lifetime) = (redis, clock, logger, options.Value.Lifetime);
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
        queue.Offer(new Lease(versions, takenAt, epoch));
        return versions;
    }

    /// <summary>
    /// Moves one of the queue's versions after a write committed, and returns once no replica can still use a lease
    /// from before it. While Redis is unreachable that is one lifetime: no lease outlives it.
    /// </summary>
    public async Task BumpAsync(string tenantId, string queueId, CalendarVersion kind)
    {
        var (setupKey, seatsKey) = VersionKeys(tenantId, queueId);
        RedisResult[] result;
        try
        {
            result = (RedisResult[])(await Db.ScriptEvaluateAsync(BumpScript, new
            {
                versionKey = kind == CalendarVersion.Setup ? setupKey : seatsKey,
                leases = LeasesKey(tenantId, queueId),
                replica = _replica,
            }))!;
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            await Task.Delay(_lifetime, _clock);
            throw;
        }
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
            waits.Add(AwaitAckAsync(ack, acked.Task, TimeSpan.FromMilliseconds((long)result[i + 1]) + SilentHolderMargin));
        }
        try
        {
            // Acknowledgements come on this replica's own channel: unheard, the waits run to the leases' end.
            await Subscription();
            await Db.PublishAsync(RedisChannel.Literal(RevokeChannel), Message(_replica, tenantId, queueId, kind, version));
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            SchedulingLog.RedisUnavailable(_logger, e.GetType().Name); // the holders' leases run out meanwhile
        }
        await Task.WhenAll(waits);
    }

    /// <summary>Forgets a queue that does not exist, so unknown ids do not pile up.</summary>
    public void Forget(string tenantId, string queueId) => _queues.TryRemove((tenantId, queueId), out _);

    public void Dispose()
    {
        _redis.ConnectionFailed -= OnSubscriptionChanged;
        _redis.ConnectionRestored -= OnSubscriptionChanged;
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
        Db.Publish(RedisChannel.Literal(AckChannel(revoke.Replica)), ack, CommandFlags.FireAndForget);
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
            && _redis.GetSubscriber().IsConnected(RedisChannel.Literal(RevokeChannel));
    }

    /// <summary>The subscription to revokes and to this replica's acknowledgements; tried again after a failure.</summary>
    /// <remarks>Once subscribed, the client subscribes again by itself after reconnecting.</remarks>
    private Task<bool> Subscription()
    {
        lock (_subscribing)
        {
            if (_subscription is null || _subscription is { IsCompleted: true, Result: false })
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
            await subscriber.SubscribeAsync(RedisChannel.Literal(AckChannel(_replica)), OnAck);
            await subscriber.SubscribeAsync(RedisChannel.Literal(RevokeChannel), OnRevoke);
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
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (parts[0], (CalendarVersion)kind, version, parts[3], parts[4])
            : null;
    }

    private static string AckChannel(string replica) => $"ve:calendar-ack:{replica}";

    private static RedisKey LeasesKey(string tenantId, string queueId) => $"ve:calendar-leases:{{{tenantId}:{queueId}}}";

    private static (RedisKey Setup, RedisKey Seats) VersionKeys(string tenantId, string queueId) =>
        ($"ve:queue-version:{{{tenantId}:{queueId}}}", $"ve:seats-version:{{{tenantId}:{queueId}}}");

    private sealed record Lease(long[] Values, long TakenAt, int Epoch)
    {
        /// <summary>What every read under this lease is answered with.</summary>
        public Task<long[]?> Answer { get; } = Task.FromResult<long[]?>(Values);
    }

    /// <summary>A queue's lease on this replica and the highest version of each kind revoked so far.</summary>
    private sealed class QueueLease
    {
        private readonly Lock _lock = new();
        private readonly long[] _revoked = [0, 0];
        private volatile Lease? _lease;

        public Lease? Lease => _lease;

        /// <summary>Keeps the lease unless a revoke newer than what it read arrived meanwhile.</summary>
        public void Offer(Lease lease)
        {
            lock (_lock)
            {
                if (lease.Values[0] >= _revoked[0] && lease.Values[1] >= _revoked[1])
                {
                    _lease = lease;
                }
            }
        }

        public void Revoke(CalendarVersion kind, long version)
        {
            lock (_lock)
            {
                _revoked[(int)kind] = Math.Max(_revoked[(int)kind], version);
                if (_lease is { } lease && lease.Values[(int)kind] < version)
                {
                    _lease = null;
                }
            }
        }
    }
}
