using VideoEngager.Notifier.Notifications;
using VideoEngager.Notifier.Reminders;

namespace VideoEngager.Notifier.Outbox;

/// <summary>What to do with one claimed job, given the booking as it stands now.</summary>
public abstract record OutboxDecision
{
    private OutboxDecision()
    {
    }

    /// <param name="Email">Send the job's e-mail (batched over one SMTP connection).</param>
    /// <param name="Sms">Also send the SMS reminder (reminders only).</param>
    public sealed record Send(NotificationJob Job, bool Email, bool Sms) : OutboxDecision;

    /// <summary>Nothing to send any more (superseded, cancelled, started, turned off): mark it processed.</summary>
    public sealed record Skip(string Reason) : OutboxDecision;

    /// <summary>Not due yet after all (the queue's reminder offset changed): wait until then, no attempt counted.</summary>
    public sealed record Defer(DateTimeOffset Until) : OutboxDecision;

    /// <summary>Can never be sent (unknown kind, missing booking or recipient): park it as failed.</summary>
    public sealed record Park(string Reason) : OutboxDecision;

    /// <param name="smsAvailable">An SMS provider is configured.</param>
    public static OutboxDecision For(OutboxRow row, BookingState? booking, DateTimeOffset now, bool smsAvailable)
    {
        if (!OutboxKinds.TryParse(row.Kind, out var kind))
        {
            return new Park($"Unknown kind '{row.Kind}'.");
        }
        if (booking is null)
        {
            return new Park("Booking not found.");
        }
        var snapshot = booking.Snapshot;

        if (kind.IsCancellation())
        {
            // The CANCEL carries the booking's current sequence, which cancelling bumped past every REQUEST sent.
            return snapshot.Cancelled
                ? WithRecipient(kind, row, booking, snapshot.Sequence)
                : new Skip("The booking is not cancelled.");
        }
        if (snapshot.Cancelled)
        {
            return new Skip("The booking was cancelled.");
        }
        if (row.Sequence < snapshot.Sequence)
        {
            return new Skip("Superseded by a reschedule.");
        }
        if (kind != NotificationKind.Reminder)
        {
            return WithRecipient(kind, row, booking, snapshot.Sequence);
        }

        // Re-checked against the booking's current time: no reminder once the call has started.
        var due = ReminderPolicy.DueAt(snapshot.ScheduledTime, booking.Flags.ReminderOffsetMinutes, now, callStarted: false);
        if (due is null)
        {
            return new Skip("The call has started or reminders are off.");
        }
        if (due > now)
        {
            return new Defer(due.Value);
        }
        var email = booking.Flags.ReminderEmail;
        // A provider may take an SMS whose answer was lost: it goes on the first attempt only, never twice.
        var sms = booking.Flags.SmsReminders && smsAvailable && snapshot.VisitorPhone is not null && row.Attempts == 0;
        return email || sms
            ? new Send(NotificationJob.ForCustomer(kind, snapshot, snapshot.Sequence), email, sms)
            : new Skip("No reminder channel is enabled.");
    }

    private static OutboxDecision WithRecipient(NotificationKind kind, OutboxRow row, BookingState booking, int sequence)
    {
        if (!kind.IsForAgent())
        {
            return new Send(NotificationJob.ForCustomer(kind, booking.Snapshot, sequence), Email: true, Sms: false);
        }
        if (string.IsNullOrWhiteSpace(row.Recipient))
        {
            return new Park("An agent job without a recipient.");
        }
        // The agent may have left the group since; the job was written for them, so it still goes, addressed plainly.
        var agent = booking.Agents.FirstOrDefault(a => string.Equals(a.Email, row.Recipient, StringComparison.OrdinalIgnoreCase))
            ?? Recipient.Agent(row.Recipient.Split('@')[0], row.Recipient);
        return new Send(NotificationJob.ForAgent(kind, booking.Snapshot, agent, sequence), Email: true, Sms: false);
    }
}
