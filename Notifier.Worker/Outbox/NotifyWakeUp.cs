using Npgsql;
using VideoEngager.Notifications;
using VideoEngager.Outbox;

namespace VideoEngager.Notifier.Outbox;

/// <summary>
/// Wakes the notifier when Scheduling's outbox trigger announces notification rows due before it would wake anyway
/// (NOTIFY <c>outbox</c>, "channel due-ms": <see cref="OutboxAnnouncement"/>). Rows announced for later only move the
/// alarm, and other channels' rows are not the notifier's.
/// </summary>
public sealed class NotifyWakeUp(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<NotifyWakeUp> logger) : IOutboxWakeUp
{
    // Its own connection, held while the loop runs: LISTEN belongs to a session.
    private NpgsqlConnection? _listener;
    private DateTimeOffset? _announced;
    private bool _lookNow;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        await CloseAsync();
        var listener = await dataSource.OpenConnectionAsync(cancellationToken);
        listener.Notification += (_, e) =>
        {
            if (!OutboxAnnouncement.TryParse(e.Payload, out var written))
            {
                _lookNow = true; // a payload in no known form: look rather than miss it
            }
            else if (written.Channel == NotificationKindExtensions.OutboxChannel && (_announced is null || written.DueAt < _announced))
            {
                _announced = written.DueAt;
            }
        };
        // Held from here on, so a LISTEN that fails (shutdown, a standby after failover) still gives it back.
        _listener = listener;
        await using (var listen = new NpgsqlCommand($"LISTEN \"{OutboxAnnouncement.NotifyChannel}\"", listener))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }
        NotifierLog.OutboxListening(logger, OutboxAnnouncement.NotifyChannel);
    }

    public async Task WaitAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var listener = _listener ?? throw new InvalidOperationException("Not listening.");
        var wakeAt = until;
        while (true)
        {
            (_announced, _lookNow) = (null, false);
            var wait = wakeAt - timeProvider.GetUtcNow();
            // Other channels' notifications must not keep a due row waiting: the alarm is checked before each wait.
            // Notifications that arrive while the worker is busy are delivered by the next wait.
            if (wait <= TimeSpan.Zero || !await listener.WaitAsync(wait, cancellationToken) || _lookNow)
            {
                return;
            }
            if (_announced is { } due && due < wakeAt)
            {
                wakeAt = due;
            }
        }
    }

    public async ValueTask CloseAsync()
    {
        if (_listener is { } listener)
        {
            _listener = null;
            await listener.DisposeAsync();
        }
    }
}
