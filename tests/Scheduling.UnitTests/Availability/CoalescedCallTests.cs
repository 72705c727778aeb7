using VideoEngager.Scheduling.Availability;

namespace VideoEngager.Scheduling.UnitTests.Availability;

public sealed class CoalescedCallTests
{
    [Fact]
    public async Task A_caller_arriving_during_a_read_gets_the_next_read_never_the_one_in_flight()
    {
        var flights = new List<TaskCompletionSource<int>>();
        var coalesced = new CoalescedCall<int>(() =>
        {
            var flight = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            flights.Add(flight);
            return flight.Task;
        });

        var first = coalesced.RunAsync();
        // Both arrive while the first read is in flight: they must not take its (possibly older) answer.
        var second = coalesced.RunAsync();
        var third = coalesced.RunAsync();
        Assert.Single(flights);

        flights[0].SetResult(1);
        Assert.Equal(1, await first);
        await WaitUntilAsync(() => flights.Count == 2);
        Assert.False(second.IsCompleted);
        flights[1].SetResult(2);
        Assert.Equal(2, await second);
        Assert.Equal(2, await third); // one read served both
        Assert.Equal(2, flights.Count);

        // Idle again: the next caller starts a read of its own at once.
        var fourth = coalesced.RunAsync();
        Assert.Equal(3, flights.Count);
        flights[2].SetResult(3);
        Assert.Equal(3, await fourth);
    }

    [Fact]
    public async Task A_failed_read_fails_its_callers_only_and_the_next_read_still_runs()
    {
        var calls = 0;
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var coalesced = new CoalescedCall<int>(() => ++calls == 1 ? gate.Task : Task.FromResult(calls));

        var first = coalesced.RunAsync();
        var second = coalesced.RunAsync();
        gate.SetException(new InvalidOperationException("down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal(2, await second);
        Assert.Equal(3, await coalesced.RunAsync());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(5);
        }
        Assert.True(condition());
    }
}
