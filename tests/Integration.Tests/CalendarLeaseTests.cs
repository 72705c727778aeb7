extern alias scheduling;
using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using scheduling::VideoEngager.Scheduling.Availability;
using StackExchange.Redis;

namespace VideoEngager.Integration.Tests;

/// <summary>
/// The calendar-lease protocol between replicas, each replica played by its own <see cref="CalendarLeases"/> against the
/// app's Redis. The app's own Scheduling replica hears the same revokes; every test uses a queue of its own.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CalendarLeaseTests(AppHostFixture app) : IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);
    private readonly string _queue = "lease-" + Guid.NewGuid().ToString("N");
    private readonly List<CalendarLeases> _replicas = [];
    private ConnectionMultiplexer _redis = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _redis = await ConnectionMultiplexer.ConnectAsync((await app.App.GetConnectionStringAsync(ResourceNames.Redis, Token))!);

    public async ValueTask DisposeAsync()
    {
        _replicas.ForEach(r => r.Dispose());
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Another_replicas_write_revokes_a_lease_before_it_returns_and_is_acknowledged_not_waited_out()
    {
        var reader = Replica(Long);
        var writer = Replica(Long);
        var before = await HoldLeaseAsync(reader);

        var timer = Stopwatch.StartNew();
        await writer.BumpAsync("t", _queue, CalendarVersion.Seats);

        Assert.Null(reader.Current("t", _queue));
        Assert.True(timer.Elapsed < Long / 2, $"The write waited {timer.Elapsed}: the holder's acknowledgement did not arrive.");
        var after = await HoldLeaseAsync(reader);
        Assert.Equal([before[0], before[1] + 1], after);
    }

    [Fact]
    public async Task A_configuration_change_revokes_the_lease_as_a_seat_change_does()
    {
        var reader = Replica(Long);
        var before = await HoldLeaseAsync(reader);

        await Replica(Long).BumpAsync("t", _queue, CalendarVersion.Setup);

        Assert.Null(reader.Current("t", _queue));
        Assert.Equal([before[0] + 1, before[1]], await HoldLeaseAsync(reader));
    }

    [Fact]
    public async Task A_replicas_own_write_ends_its_lease_at_once()
    {
        var replica = Replica(Long);
        var before = await HoldLeaseAsync(replica);

        await replica.BumpAsync("t", _queue, CalendarVersion.Seats);

        Assert.Null(replica.Current("t", _queue));
        Assert.Equal([before[0], before[1] + 1], await replica.AcquireAsync("t", _queue));
    }

    [Fact]
    public async Task A_holder_that_never_acknowledges_holds_every_write_up_until_its_lease_has_run_out()
    {
        // A replica that registered and then went silent (its subscription is gone, or it is stuck).
        var left = TimeSpan.FromMilliseconds(1500);
        await _redis.GetDatabase().ScriptEvaluateAsync("""
            local time = redis.call('TIME')
            redis.call('HSET', KEYS[1], 'silent-replica', tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000) + tonumber(ARGV[1]))
            """, [(RedisKey)$"ve:calendar-leases:{{t:{_queue}}}"], [(long)left.TotalMilliseconds]);
        var timer = Stopwatch.StartNew();

        // Two writes close together, on two replicas: the second must not take the first one's wait as its own.
        var first = TimedAsync(Replica(Long).BumpAsync("t", _queue, CalendarVersion.Seats), timer);
        await Task.Delay(100, Token);
        var second = TimedAsync(Replica(Long).BumpAsync("t", _queue, CalendarVersion.Seats), timer);

        var earliest = left - TimeSpan.FromMilliseconds(100);
        foreach (var (write, answered) in new[] { ("first", await first), ("second", await second) })
        {
            Assert.True(answered >= earliest, $"The {write} write was answered after {answered}, inside the silent holder's lease.");
        }
    }

    [Fact]
    public async Task A_lease_lapses_by_itself_after_its_lifetime()
    {
        var lifetime = TimeSpan.FromMilliseconds(300);
        var reader = Replica(lifetime);
        await HoldLeaseAsync(reader);

        await Task.Delay(lifetime + TimeSpan.FromMilliseconds(50), Token);

        Assert.Null(reader.Current("t", _queue));
    }

    private CalendarLeases Replica(TimeSpan lifetime)
    {
        var replica = new CalendarLeases(
            _redis, Options.Create(new CalendarLeaseOptions { Lifetime = lifetime }), TimeProvider.System, NullLogger<CalendarLeases>.Instance);
        _replicas.Add(replica);
        return replica;
    }

    /// <summary>Reads until the replica holds a lease: the first read only starts its subscription to revokes.</summary>
    private async Task<long[]> HoldLeaseAsync(CalendarLeases replica)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var versions = await replica.AcquireAsync("t", _queue);
            if (replica.Current("t", _queue) is { } current)
            {
                Assert.Equal(versions, await current);
                return versions;
            }
            await Task.Delay(20, Token);
        }
        throw new Xunit.Sdk.XunitException("The replica never got a lease.");
    }

    private static async Task<TimeSpan> TimedAsync(Task write, Stopwatch timer)
    {
        await write;
        return timer.Elapsed;
    }
}
