using VideoEngager.Notifier.Reminders;

namespace VideoEngager.Notifier.Notifications;

public enum BookingChange
{
    Booked,
    Rescheduled,
    Cancelled,
    /// <summary>Ad-hoc chat-to-video escalation: the call starts now.</summary>
    Escalated,
}

public enum NotificationChannel
{
    Email,
    Sms,
}

/// <summary>The tenant's / queue's notification flags.</summary>
/// <param name="ReminderOffsetMinutes">Null means the default 15; 0 or less turns reminders off.</param>
public sealed record NotificationFlags(
    bool SendCustomerEmail, bool NotifyAgent, int? ReminderOffsetMinutes = 15, bool SmsReminders = false);

public sealed record PlannedNotification(NotificationJob Job, NotificationChannel Channel, DateTimeOffset DueAt);

/// <summary>Which notifications a booking change calls for, and when each is due. Pure.</summary>
public static class NotificationPlanner
{
    /// <param name="agents">The queue's agent group; used only when <see cref="NotificationFlags.NotifyAgent"/> is set.</param>
    /// <param name="callStarted">Whether the call has already started (no reminder then).</param>
    public static IReadOnlyList<PlannedNotification> Plan(
        BookingChange change, BookingSnapshot booking, NotificationFlags flags, IReadOnlyList<Recipient> agents,
        DateTimeOffset now, bool callStarted = false)
    {
        var planned = new List<PlannedNotification>();
        void Add(NotificationJob job, NotificationChannel channel = NotificationChannel.Email, DateTimeOffset? due = null) =>
            planned.Add(new PlannedNotification(job, channel, due ?? now));

        switch (change)
        {
            case BookingChange.Booked or BookingChange.Rescheduled:
                if (flags.SendCustomerEmail)
                {
                    Add(NotificationJob.ForCustomer(NotificationKind.CustomerConfirmation, booking));
                }
                if (flags.NotifyAgent)
                {
                    foreach (var agent in agents)
                    {
                        Add(NotificationJob.ForAgent(NotificationKind.AgentInvite, booking, agent));
                    }
                }
                if (ReminderPolicy.DueAt(booking.ScheduledTime, flags.ReminderOffsetMinutes, now, callStarted) is { } due)
                {
                    var reminder = NotificationJob.ForCustomer(NotificationKind.Reminder, booking);
                    if (flags.SendCustomerEmail)
                    {
                        Add(reminder, NotificationChannel.Email, due);
                    }
                    if (flags.SmsReminders && !string.IsNullOrWhiteSpace(booking.VisitorPhone))
                    {
                        Add(reminder, NotificationChannel.Sms, due);
                    }
                }
                break;

            case BookingChange.Cancelled:
                // CANCEL must carry a SEQUENCE above every REQUEST already sent for this UID.
                var cancelSequence = booking.Sequence + 1;
                if (flags.SendCustomerEmail)
                {
                    Add(NotificationJob.ForCustomer(NotificationKind.CustomerCancellation, booking, cancelSequence));
                }
                if (flags.NotifyAgent)
                {
                    foreach (var agent in agents)
                    {
                        Add(NotificationJob.ForAgent(NotificationKind.AgentCancellation, booking, agent, cancelSequence));
                    }
                }
                break;

            case BookingChange.Escalated:
                if (flags.SendCustomerEmail)
                {
                    Add(NotificationJob.ForCustomer(NotificationKind.VideoStarting, booking));
                }
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, null);
        }
        return planned;
    }
}
