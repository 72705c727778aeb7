using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VideoEngager.Scheduling.Outbox;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// Follows every booking change with its callback: woken in process by <see cref="DispatchSignal"/> when this
/// replica commits a change, with a poll for the rest (another replica's leftovers, an expired lease) and a timer for
/// the next retry due. Up to <see cref="DispatchOptions.BatchSize"/> messages are in
/// flight at once, so one slow answer does not hold up other bookings. Several replicas may run: claims are leased.
/// </summary>
internal sealed class CallbackDispatcher(
    CallbackDispatch dispatch,
    DispatchSignal signal,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    IOptions<GenesysOptions> genesys,
    ILogger<CallbackDispatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ContactCenterLog.Started(logger, genesys.Value.ApiBase, genesys.Value.LoginBase);
        try
        {
            await DispatchLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await Task.WhenAll(_inFlight.Keys);
    }

    private async Task DispatchLoopAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (true)
        {
            try
            {
                if (dispatch.RateLimitedUntil - clock.GetUtcNow() is { Ticks: > 0 } pause)
                {
                    await signal.WaitAsync(pause < settings.PollInterval ? pause : settings.PollInterval, clock, stoppingToken);
                    continue;
                }
                var room = settings.BatchSize - _inFlight.Count;
                var claimed = room > 0 ? await dispatch.ClaimAsync(room, stoppingToken) : [];
                foreach (var message in claimed)
                {
                    Start(message, stoppingToken);
                }
                if (claimed.Count > 0 && claimed.Count == room)
                {
                    continue;
                }
                var wait = settings.PollInterval;
                if (room > 0 && await dispatch.NextDueAsync(stoppingToken) is { } due)
                {
                    var untilDue = due - clock.GetUtcNow();
                    wait = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < wait ? untilDue : wait;
                }
                if (wait > TimeSpan.Zero && await signal.WaitAsync(wait, clock, stoppingToken))
                {
                    // Give the request that wrote the row its chance to dispatch it within its own budget.
                    await Task.Delay(settings.NotifyDelay, clock, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                ContactCenterLog.LoopFailed(logger, e);
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
        }
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
