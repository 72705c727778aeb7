using Microsoft.Extensions.Options;
using Npgsql;

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
                await using (var listen = new NpgsqlCommand($"LISTEN \"{OutboxKinds.NotifyChannel}\"", listener))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                NotifierLog.OutboxListening(logger, OutboxKinds.NotifyChannel);
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
        while (!stoppingToken.IsCancellationRequested)
        {
            // One batch while the outbox is quiet; a full one means a backlog, which every sender then drains in
            // parallel, each with its own claim (SKIP LOCKED) and SMTP connection.
            if (await dispatcher.RunOnceAsync(stoppingToken) >= settings.BatchSize)
            {
                await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => DrainAsync(stoppingToken)));
            }

            var wait = settings.PollInterval;
            if (await store.NextDueAsync(stoppingToken) is { } next)
            {
                var untilDue = next - timeProvider.GetUtcNow();
                wait = untilDue < wait ? untilDue : wait;
            }
            // A floor keeps a row that is due but still locked by another worker's claim from spinning the loop.
            wait = wait < MinimumWait ? MinimumWait : wait;
            // Returns early on NOTIFY; notifications that arrive meanwhile are delivered by the next wait.
            await listener.WaitAsync(wait, stoppingToken);
        }
    }

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        while (await dispatcher.RunOnceAsync(stoppingToken) >= options.Value.BatchSize)
        {
        }
    }
}
