using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using VideoEngager.Outbox;
using VideoEngager.Scheduling.Outbox;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// Follows every booking change with its callback: woken by <c>NOTIFY outbox</c> on a connection of its own, with a
/// poll as fallback and a timer for the next retry due. Up to <see cref="DispatchOptions.BatchSize"/> messages are in
/// flight at once, so one slow answer does not hold up other bookings. Several replicas may run: claims are leased.
/// </summary>
internal sealed class CallbackDispatcher(
    CallbackDispatch dispatch,
    IConfiguration configuration,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    IOptions<GenesysOptions> genesys,
    ILogger<CallbackDispatcher> logger) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ContactCenterLog.Started(logger, genesys.Value.ApiBase, genesys.Value.LoginBase);
        var listening = ListenAsync(stoppingToken);
        try
        {
            await DispatchLoopAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await listening;
        await Task.WhenAll(_inFlight.Keys);
    }

    private async Task DispatchLoopAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (true)
        {
            try
            {
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
                if (wait > TimeSpan.Zero && await WaitForWakeAsync(wait, stoppingToken))
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
            finally
            {
                // A finished message may let its booking's next one go.
                _wake.Writer.TryWrite(true);
            }
        }, CancellationToken.None);
        _inFlight.TryAdd(task, 0);
        task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>True when woken by a notification or a finished message, false when the wait ran out.</summary>
    private async Task<bool> WaitForWakeAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(wait, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await _wake.Reader.WaitToReadAsync(linked.Token);
            _wake.Reader.TryRead(out _);
            return true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(ResourceNames.Database);
        if (string.IsNullOrEmpty(connectionString))
        {
            ContactCenterLog.ListenFailed(logger, "no connection string");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                // Only rows for the contact center wake it; reminders and mails are the Notifier's.
                connection.Notification += (_, e) =>
                {
                    if (!OutboxAnnouncement.TryParse(e.Payload, out var written) || written.Channel == OutboxChannels.ContactCenter)
                    {
                        _wake.Writer.TryWrite(true);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxAnnouncement.NotifyChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Whatever was written while nobody listened.
                _wake.Writer.TryWrite(true);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ContactCenterLog.ListenFailed(logger, e.GetType().Name);
                try
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
