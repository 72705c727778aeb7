namespace VideoEngager.Outbox;

/// <summary>One consumer of the outbox: claims its due rows under a lease and settles them.</summary>
public interface IOutboxConsumer
{
    /// <summary>Claims due rows (SKIP LOCKED, leased) and handles them.</summary>
    /// <returns>True when more may be due at once (a full batch): the loop goes round again without waiting.</returns>
    Task<bool> RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>When the consumer wants to look again at the latest (the earliest row it could claim); null: no row.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}

/// <summary>How a consumer hears of new rows sooner than its poll: PostgreSQL's NOTIFY, or its own process.</summary>
public interface IOutboxWakeUp
{
    /// <summary>Gets ready to hear (a LISTEN connection); called again after the loop failed.</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Returns at <paramref name="until"/>, or sooner when a row due before then is written.</summary>
    Task WaitAsync(DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Lets go of what <see cref="OpenAsync"/> took.</summary>
    ValueTask CloseAsync();
}

/// <summary>
/// The loop both outbox consumers run (Scheduling's callback dispatcher, the notifier): claim and handle, go round at
/// once while batches come back full, else sleep until the earliest due row, a wake-up or the poll interval, whichever
/// comes first. A failure (the database gone, a bug) closes the wake-up and starts over after a growing back-off.
/// </summary>
public sealed class OutboxLoop(TimeProvider clock)
{
    /// <summary>A floor under every sleep, so a row that keeps failing at once cannot spin the loop.</summary>
    public static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(20);

    /// <param name="pollInterval">The longest sleep: the fallback for wake-ups that never came; also the back-off's cap.</param>
    /// <param name="failed">Reports a failure and the pause before the loop starts over.</param>
    public async Task RunAsync(
        IOutboxConsumer consumer, IOutboxWakeUp wakeUp, TimeSpan pollInterval, Action<Exception, TimeSpan> failed,
        CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await wakeUp.OpenAsync(stoppingToken);
                while (true)
                {
                    if (await consumer.RunOnceAsync(stoppingToken))
                    {
                        continue;
                    }
                    failures = 0;
                    var until = clock.GetUtcNow() + pollInterval;
                    if (await consumer.NextDueAsync(stoppingToken) is { } next && next < until)
                    {
                        until = next;
                    }
                    var floor = clock.GetUtcNow() + MinimumWait;
                    await wakeUp.WaitAsync(until > floor ? until : floor, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                var delay = Backoff.Delay(++failures, TimeSpan.FromSeconds(1), pollInterval, Random.Shared.NextDouble());
                failed(exception, delay);
                await CloseQuietlyAsync(wakeUp);
                try
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            finally
            {
                if (stoppingToken.IsCancellationRequested)
                {
                    await CloseQuietlyAsync(wakeUp);
                }
            }
        }
    }

    // Letting go of a broken connection may fail too; the loop must outlive that, or the service stops.
    private static async Task CloseQuietlyAsync(IOutboxWakeUp wakeUp)
    {
        try
        {
            await wakeUp.CloseAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Nothing to do: the next open starts afresh.
        }
    }
}
