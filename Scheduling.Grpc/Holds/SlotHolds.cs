using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using StackExchange.Redis;
using VideoEngager.Scheduling.Availability;

namespace VideoEngager.Scheduling.Holds;

public sealed record SlotHold(string HoldId, string TenantId, string QueueId, Instant SlotStart, Instant ExpiresAt);

/// <summary>
/// Seats kept for a visitor while they confirm, in Redis with a TTL. A courtesy in front of the database guard, never
/// the guard itself: when Redis is down bookings still work, holds do not.
/// Layout: a sorted set per queue whose members are <c>{slotUnixSeconds}:{holdId}</c> scored by expiry (ms), and a
/// key per hold for look-up and release.
/// </summary>
internal sealed class SlotHolds(IConnectionMultiplexer redis, IOptions<HoldOptions> options, TimeProvider clock)
{
    // Counts the slot's live holds and adds one only while seats remain; atomic, so holds never exceed the seats.
    private static readonly LuaScript TakeScript = LuaScript.Prepare("""
        redis.call('ZREMRANGEBYSCORE', @queueKey, '-inf', @now)
        local prefix = @slot .. ':'
        local count = 0
        for _, member in ipairs(redis.call('ZRANGEBYSCORE', @queueKey, @now, '+inf')) do
          if string.sub(member, 1, #prefix) == prefix then count = count + 1 end
        end
        if count >= tonumber(@available) then return 0 end
        redis.call('ZADD', @queueKey, @expires, prefix .. @holdId)
        redis.call('SET', @holdKey, @value, 'PX', @ttl)
        return 1
        """);

    private readonly ConcurrentDictionary<(string TenantId, string QueueId), CoalescedCall<IReadOnlyList<(Instant, Instant)>>> _liveReads = new();

    private IDatabase Db => redis.GetDatabase();

    /// <param name="available">Seats not yet booked in the database.</param>
    public async Task<SlotHold?> TryTakeAsync(string tenantId, string queueId, Instant slotStart, int available)
    {
        var now = clock.GetUtcNow();
        var lifetime = options.Value.Lifetime;
        var hold = new SlotHold(
            Bookings.AccessToken.New(), tenantId, queueId, slotStart, Instant.FromDateTimeOffset(now + lifetime));
        var taken = (int)await Db.ScriptEvaluateAsync(TakeScript, new
        {
            queueKey = (RedisKey)QueueKey(tenantId, queueId),
            holdKey = (RedisKey)HoldKey(hold.HoldId),
            now = now.ToUnixTimeMilliseconds(),
            expires = hold.ExpiresAt.ToUnixTimeMilliseconds(),
            slot = slotStart.ToUnixTimeSeconds(),
            holdId = hold.HoldId,
            available,
            value = $"{tenantId}\n{queueId}\n{slotStart.ToUnixTimeSeconds()}",
            ttl = (long)lifetime.TotalMilliseconds,
        });
        return taken == 1 ? hold : null;
    }

    public async Task<SlotHold?> FindAsync(string tenantId, string holdId)
    {
        var value = await Db.StringGetWithExpiryAsync(HoldKey(holdId));
        if (value.Value.IsNullOrEmpty || value.Expiry is null)
        {
            return null;
        }
        var parts = value.Value.ToString().Split('\n');
        if (parts.Length != 3 || parts[0] != tenantId)
        {
            return null;
        }
        var expiresAt = Instant.FromDateTimeOffset(clock.GetUtcNow() + value.Expiry.Value);
        var slot = Instant.FromUnixTimeSeconds(long.Parse(parts[2], CultureInfo.InvariantCulture));
        return new SlotHold(holdId, parts[0], parts[1], slot, expiresAt);
    }

    public async Task<bool> ReleaseAsync(SlotHold hold)
    {
        var batch = Db.CreateBatch();
        var removed = batch.SortedSetRemoveAsync(QueueKey(hold.TenantId, hold.QueueId), Member(hold));
        var deleted = batch.KeyDeleteAsync(HoldKey(hold.HoldId));
        batch.Execute();
        return await removed | await deleted;
    }

    /// <summary>
    /// Live holds of a queue: each one's slot start and expiry. Concurrent callers (bookings of the same queue) share
    /// one read that started after they arrived, so each sees every hold taken or released before it asked.
    /// </summary>
    public Task<IReadOnlyList<(Instant Slot, Instant ExpiresAt)>> ListLiveAsync(string tenantId, string queueId) =>
        _liveReads.GetOrAdd((tenantId, queueId), static (key, self) =>
            new CoalescedCall<IReadOnlyList<(Instant, Instant)>>(() => self.ReadLiveAsync(key.TenantId, key.QueueId)), this).RunAsync();

    private async Task<IReadOnlyList<(Instant, Instant)>> ReadLiveAsync(string tenantId, string queueId)
    {
        var members = await Db.SortedSetRangeByScoreWithScoresAsync(
            QueueKey(tenantId, queueId), clock.GetUtcNow().ToUnixTimeMilliseconds(), double.PositiveInfinity);
        var live = new List<(Instant, Instant)>(members.Length);
        foreach (var member in members)
        {
            var text = member.Element.ToString();
            var separator = text.IndexOf(':', StringComparison.Ordinal);
            if (separator > 0 && long.TryParse(text.AsSpan(0, separator), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            {
                live.Add((Instant.FromUnixTimeSeconds(seconds), Instant.FromUnixTimeMilliseconds((long)member.Score)));
            }
        }
        return live;
    }

    /// <summary>Live holds on one slot.</summary>
    public async Task<int> CountLiveAsync(string tenantId, string queueId, Instant slot) =>
        (await ListLiveAsync(tenantId, queueId)).Count(h => h.Slot == slot);

    private static string Member(SlotHold hold) => $"{hold.SlotStart.ToUnixTimeSeconds()}:{hold.HoldId}";

    private static string QueueKey(string tenantId, string queueId) => $"ve:holds:{{{tenantId}:{queueId}}}";

    private static string HoldKey(string holdId) => $"ve:hold:{holdId}";
}
