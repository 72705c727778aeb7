namespace VideoEngager.Scheduling.Availability;

/// <summary>
/// Shares one read among concurrent callers without ever handing a caller a result read before it arrived: a caller
/// that finds a read in flight waits for the next one, which starts when the flight lands and serves everyone who
/// queued meanwhile. So a write answered before a caller arrived is always seen, while under load one round trip
/// serves a whole batch of callers instead of one each.
/// </summary>
internal sealed class CoalescedRead<T>(Func<Task<T>> read)
{
    private readonly Lock _lock = new();
    private bool _inFlight;
    private TaskCompletionSource<T>? _next;

    public Task<T> ReadAsync()
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
        _ = RunAsync(mine);
        return mine.Task;
    }

    private async Task RunAsync(TaskCompletionSource<T> batch)
    {
        while (true)
        {
            try
            {
                batch.SetResult(await read());
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
