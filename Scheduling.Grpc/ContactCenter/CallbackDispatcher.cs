using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VideoEngager.Outbox;
using VideoEngager.Scheduling.Outbox;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// Follows every booking change with its callback, in the outbox loop both consumers share (<see cref="OutboxLoop"/>):
/// woken in process by <see cref="DispatchSignal"/> when this replica commits a change, with a poll for the rest
/// (another replica's leftovers, an expired lease) and a timer for the next retry due. Up to
/// <see cref="DispatchOptions.BatchSize"/> messages are in flight at once, so one slow answer does not hold up other
/// bookings. Several replicas may run: claims are leased.
/// </summary>
internal sealed class CallbackDispatcher(
    CallbackDispatch dispatch,
    DispatchSignal signal,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    IOptions<GenesysOptions> genesys,
    ILogger<CallbackDispatcher> logger) : BackgroundService, IOutboxConsumer
{
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ContactCenterLog.Started(logger, genesys.Value.ApiBase, genesys.Value.LoginBase);
        await new OutboxLoop(clock).RunAsync(this, signal, options.Value.PollInterval,
            (exception, delay) => ContactCenterLog.LoopFailed(logger, delay, exception), stoppingToken);
        await Task.WhenAll(_inFlight.Keys);
    }

    /// <summary>Claims as many as there is room for in flight; none while the platform asked for a pause.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var room = options.Value.BatchSize - _inFlight.Count;
        if (room <= 0 || dispatch.RateLimitedUntil is not null)
        {
            return false;
        }
        var claimed = await dispatch.ClaimAsync(room, cancellationToken);
        foreach (var message in claimed)
        {
            Start(message, cancellationToken);
        }
        return claimed.Count == room;
    }

    /// <summary>The end of a pause the platform asked for; else the next message due, while there is room for it.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        if (dispatch.RateLimitedUntil is { } pausedUntil)
        {
            return pausedUntil;
        }
        return options.Value.BatchSize > _inFlight.Count ? await dispatch.NextDueAsync(cancellationToken) : null;
    }

    private void Start(OutboxMessage message, CancellationToken stoppingToken)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await dispatch.HandleAsync(message, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The lease runs out and the message is taken up again after the restart.
            }
        }, CancellationToken.None);
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
