using System.Threading.Channels;
using Microsoft.Extensions.Options;
using VideoEngager.Outbox;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// Wakes this process's <see cref="CallbackDispatcher"/>: raised after a commit that wrote contact-center messages (the
/// outbox trigger does not announce them) and whenever a message is settled, by the dispatcher or by a request. Raises
/// made while the dispatcher is busy collapse into one. Other replicas are not woken: their poll finds what is left.
/// </summary>
internal sealed class DispatchSignal(TimeProvider clock, IOptions<DispatchOptions> options) : IOutboxWakeUp
{
    private readonly Channel<bool> _raised = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Raise() => _raised.Writer.TryWrite(true);

    public Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task WaitAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var timeout = until - clock.GetUtcNow();
        if (timeout <= TimeSpan.Zero)
        {
            return;
        }
        using var expiry = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        try
        {
            await _raised.Reader.WaitToReadAsync(linked.Token);
            _raised.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return; // the time came first
        }
        // Give the request that wrote the row its chance to dispatch it within its own budget.
        await Task.Delay(options.Value.NotifyDelay, clock, cancellationToken);
    }

    public ValueTask CloseAsync() => ValueTask.CompletedTask;
}
