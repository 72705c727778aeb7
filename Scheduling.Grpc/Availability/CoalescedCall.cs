namespace VideoEngager.Scheduling.Availability;

/// <summary>
/// Shares one call (a read, or an idempotent write such as a version bump) among concurrent callers without ever
/// handing a caller a call that started before it arrived: a caller that finds one in flight waits for the next,
/// which starts when the flight lands and serves everyone who queued meanwhile. So a read sees every write answered
/// before its caller arrived, and a bump follows its caller's commit, while under load one round trip serves a whole
/// batch of callers instead of one each.
/// </summary>
internal sealed class CoalescedCall<T>(Func<Task<T>> call)
{
    private readonly Lock _lock = new();
    private bool _inFlight;
    private TaskCompletionSource<T>? _next;

    public Task<T> RunAsync()
    {
        TaskCompletionSource<T> mine;
        lock (_lock)
        {
            if (_inFlight)
            {
                _next ??= new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
                return _next.Task;
            }
            _inFlight = true;
            mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _ = FlyAsync(mine);
        return mine.Task;
    }

    private async Task FlyAsync(TaskCompletionSource<T> batch)
    {
        while (true)
        {
            try
            {
                batch.SetResult(await call());
            }
            catch (Exception e)
            {
                batch.SetException(e);
            }
            lock (_lock)
            {
                if (_next is null)
                {
                    _inFlight = false;
                    return;
                }
                batch = _next;
                _next = null;
            }
        }
    }
}
