using VideoEngager.Notifications;
using VideoEngager.Notifications.V1;

namespace VideoEngager.Notifier.Outbox;

/// <summary>
/// What to do with one claimed job, from its payload alone. Whether the booking moved on since is not asked here: a
/// reschedule or cancel settles the messages it supersedes in its own transaction, so a claimed row is still wanted.
/// </summary>
public abstract record OutboxDecision
{
    private OutboxDecision()
    {
    }

    /// <param name="Email">Send the job's e-mail (batched over one SMTP connection).</param>
    /// <param name="Sms">Also send the SMS reminder (reminders only).</param>
    public sealed record Send(NotificationJob Job, bool Email, bool Sms) : OutboxDecision;

    /// <summary>Nothing to send any more (the call has started, no channel left): mark it processed.</summary>
    public sealed record Skip(string Reason) : OutboxDecision;

    /// <summary>Can never be sent (an unreadable payload): park it as failed.</summary>
    public sealed record Park(string Reason) : OutboxDecision;

    /// <param name="smsAvailable">An SMS provider is configured.</param>
    public static OutboxDecision For(OutboxRow row, DateTimeOffset now, bool smsAvailable)
    {
        BookingNotification notification;
        NotificationJob job;
        try
        {
            notification = BookingNotification.Parser.ParseFrom(row.Payload);
            job = notification.ToJob();
        }
        catch (Exception e) when (e is FormatException or Google.Protobuf.InvalidProtocolBufferException)
        {
            return new Park(e.Message);
        }
        if (job.Kind != NotificationKind.Reminder)
        {
            return new Send(job, Email: true, Sms: false);
        }

        if (ReminderRule.HasStarted(job.Booking.ScheduledTime, now))
        {
            return new Skip("The call has started.");
        }
        var channels = notification.Reminder ?? new ReminderChannels { Email = true };
        // A provider may take an SMS whose answer was lost: it goes on the first attempt only, never twice.
        var sms = channels.Sms && smsAvailable && job.Booking.VisitorPhone is not null && row.Attempts == 0;
        return channels.Email || sms
            ? new Send(job, channels.Email, sms)
            : new Skip("No reminder channel is available.");
    }
}
