using Microsoft.Extensions.Options;
using Npgsql;
using VideoEngager.Notifications;
using VideoEngager.Outbox;

namespace VideoEngager.Notifier.Outbox;

/// <summary>
/// Sends notification jobs as they come due: woken by NOTIFY on channel <c>outbox</c>, otherwise sleeping until the
/// earliest pending due time, and never longer than the poll interval in case a notification was missed.
/// </summary>
public sealed class OutboxWorker(
    NpgsqlDataSource dataSource,
    OutboxStore store,
    OutboxDispatcher dispatcher,
    TimeProvider timeProvider,
    IOptions<OutboxOptions> options,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Its own connection, held for the worker's life: LISTEN belongs to a session.
                await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN \"{OutboxAnnouncement.NotifyChannel}\"", listener))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                NotifierLog.OutboxListening(logger, OutboxAnnouncement.NotifyChannel);
                failures = 0;
                await RunAsync(listener, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Database gone or a bug: start over on a new connection, backing off while it keeps failing.
                var delay = Backoff.Delay(++failures, TimeSpan.FromSeconds(1), options.Value.PollInterval, Random.Shared.NextDouble());
                NotifierLog.OutboxLoopFailed(logger, delay, exception);
                try
                {
                    await Task.Delay(delay, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunAsync(NpgsqlConnection listener, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // The earliest due time announced since the last look; null: nothing announced, or a payload in no known form.
        DateTimeOffset? announced = null;
        var lookNow = false;
        listener.Notification += (_, e) =>
        {
            if (!OutboxAnnouncement.TryParse(e.Payload, out var written))
            {
                lookNow = true;
            }
            else if (written.Channel == NotificationKindExtensions.OutboxChannel && (announced is null || written.DueAt < announced))
            {
                announced = written.DueAt;
            }
        };

        while (!stoppingToken.IsCancellationRequested)
        {
            // One batch while the outbox is quiet; a full one means a backlog, which every sender then drains in
            // parallel, each with its own claim (SKIP LOCKED) and SMTP connection.
            if (await dispatcher.RunOnceAsync(stoppingToken) >= settings.BatchSize)
            {
                await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => DrainAsync(stoppingToken)));
            }

            var wakeAt = timeProvider.GetUtcNow() + settings.PollInterval;
            if (await store.NextDueAsync(timeProvider.GetUtcNow(), stoppingToken) is { } next && next < wakeAt)
            {
                wakeAt = next;
            }
            // Sleep until the next due time, the poll, or a notification of rows due by then; rows announced for
            // later only move the alarm, and other channels' rows are not this worker's.
            // A floor keeps a row that keeps failing at once from spinning the loop.
            wakeAt = Max(wakeAt, timeProvider.GetUtcNow() + MinimumWait);
            while (true)
            {
                (announced, lookNow) = (null, false);
                var wait = wakeAt - timeProvider.GetUtcNow();
                // Other channels' notifications must not keep a due row waiting: the alarm is checked before each wait.
                // Notifications that arrive while this worker is busy are delivered by the next wait.
                if (wait <= TimeSpan.Zero || !await listener.WaitAsync(wait, stoppingToken) || lookNow)
                {
                    break;
                }
                if (announced is { } due && due < wakeAt)
                {
                    wakeAt = due;
                }
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        while (await dispatcher.RunOnceAsync(stoppingToken) >= options.Value.BatchSize)
        {
        }
    }
}
