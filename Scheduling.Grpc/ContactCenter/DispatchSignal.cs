using System.Threading.Channels;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// Wakes this process's <see cref="CallbackDispatcher"/>: raised after a commit that wrote contact-center messages (the
/// outbox trigger does not announce them) and whenever a message is settled, by the dispatcher or by a request. Raises
/// made while the dispatcher is busy collapse into one. Other replicas are not woken: their poll finds what is left.
/// </summary>
internal sealed class DispatchSignal
{
    private readonly Channel<bool> _raised = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Raise() => _raised.Writer.TryWrite(true);

    /// <returns>True when raised, false when <paramref name="timeout"/> ran out first.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken stoppingToken)
    {
        using var expiry = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, expiry.Token);
        try
        {
            await _raised.Reader.WaitToReadAsync(linked.Token);
            _raised.Reader.TryRead(out _);
            return true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
