using Microsoft.Extensions.Time.Testing;
using VideoEngager.Outbox;

namespace VideoEngager.ServiceDefaults.UnitTests;

public sealed class OutboxLoopTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A consumer playing a script: each look answers the next entry; the loop is stopped after the last.</summary>
    private sealed class ScriptedConsumer(CancellationTokenSource stop, params (object Run, DateTimeOffset? Next)[] script) : IOutboxConsumer
    {
        private int _step;
        public int Runs { get; private set; }

        public Task<bool> RunOnceAsync(CancellationToken cancellationToken)
        {
            Runs++;
            if (_step >= script.Length)
            {
                stop.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }
            var run = script[_step++].Run;
            return run is Exception e ? Task.FromException<bool>(e) : Task.FromResult((bool)run);
        }

        public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => Task.FromResult(script[_step - 1].Next);
    }

    private sealed class RecordingWakeUp : IOutboxWakeUp
    {
        public List<DateTimeOffset> Waits { get; } = [];
        public int Opened { get; private set; }
        public int Closed { get; private set; }

        public Task OpenAsync(CancellationToken cancellationToken)
        {
            Opened++;
            return Task.CompletedTask;
        }

        public Task WaitAsync(DateTimeOffset until, CancellationToken cancellationToken)
        {
            Waits.Add(until);
            return Task.CompletedTask;
        }

        public ValueTask CloseAsync()
        {
            Closed++;
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Full_batches_go_round_at_once_then_it_sleeps_until_the_next_due_row_or_the_poll()
    {
        using var stop = new CancellationTokenSource();
        var now = _clock.GetUtcNow();
        var consumer = new ScriptedConsumer(stop,
            (true, null), (true, null), (false, now.AddSeconds(2)), (false, now.AddMinutes(10)), (false, null), (false, now.AddSeconds(-1)));
        var wakeUp = new RecordingWakeUp();

        await new OutboxLoop(_clock).RunAsync(consumer, wakeUp, Poll, (_, _) => { }, stop.Token);

        // Two full batches without a wait; then the next due row, the poll twice (due later, nothing due) and a floor.
        Assert.Equal(7, consumer.Runs);
        Assert.Equal([now.AddSeconds(2), now + Poll, now + Poll, now + OutboxLoop.MinimumWait], wakeUp.Waits);
        Assert.Equal((1, 1), (wakeUp.Opened, wakeUp.Closed));
    }

    [Fact]
    public async Task A_failure_is_reported_and_the_loop_starts_over_on_a_fresh_wake_up_after_a_back_off()
    {
        using var stop = new CancellationTokenSource();
        var consumer = new ScriptedConsumer(stop, (new InvalidOperationException("database gone"), null));
        var wakeUp = new RecordingWakeUp();
        var failures = new List<(Exception Error, TimeSpan Delay)>();

        var loop = new OutboxLoop(_clock).RunAsync(consumer, wakeUp, Poll, (e, delay) => failures.Add((e, delay)), stop.Token);
        // The back-off runs on the fake clock: move it on until the loop has started over and finished its script.
        while (!loop.IsCompleted)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
        await loop;

        var (error, delay) = Assert.Single(failures);
        Assert.Equal("database gone", error.Message);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
        Assert.Equal(2, wakeUp.Opened);
    }
}
