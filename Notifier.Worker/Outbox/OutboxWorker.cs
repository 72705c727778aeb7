using Microsoft.Extensions.Options;
using VideoEngager.Outbox;

namespace VideoEngager.Notifier.Outbox;

/// <summary>
/// Sends notification jobs as they come due, in the outbox loop both consumers share (<see cref="OutboxLoop"/>):
/// woken by NOTIFY on channel <c>outbox</c> (<see cref="NotifyWakeUp"/>), otherwise sleeping until the earliest
/// pending due time, and never longer than the poll interval in case a notification was missed.
/// </summary>
public sealed class OutboxWorker(
    OutboxStore store,
    OutboxDispatcher dispatcher,
    NotifyWakeUp wakeUp,
    TimeProvider timeProvider,
    IOptions<OutboxOptions> options,
    ILogger<OutboxWorker> logger) : BackgroundService, IOutboxConsumer
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new OutboxLoop(timeProvider).RunAsync(this, wakeUp, options.Value.PollInterval,
            (exception, delay) => NotifierLog.OutboxLoopFailed(logger, delay, exception), stoppingToken);

    /// <summary>
    /// One batch while the outbox is quiet; a full one means a backlog, which every sender then drains in parallel,
    /// each with its own claim (SKIP LOCKED) and SMTP connection.
    /// </summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (await dispatcher.RunOnceAsync(cancellationToken) >= settings.BatchSize)
        {
            await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => DrainAsync(cancellationToken)));
        }
        return false;
    }

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        store.NextDueAsync(timeProvider.GetUtcNow(), cancellationToken);

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        while (await dispatcher.RunOnceAsync(stoppingToken) >= options.Value.BatchSize)
        {
        }
    }
}
