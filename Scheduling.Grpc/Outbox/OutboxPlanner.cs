using Google.Protobuf;
using VideoEngager.Notifications;
using VideoEngager.Notifications.V1;
using VideoEngager.Outbox;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Queues;

namespace VideoEngager.Scheduling.Outbox;

/// <summary>
/// What must follow each booking change: the callback, e-mails per the queue's flags, and the reminder; each
/// notification carries its payload (<see cref="NotificationPayload"/>), and every message the change's trace.
/// </summary>
internal static class OutboxPlanner
{
    public static IEnumerable<OutboxMessage> ForCreated(Booking booking, QueueSetup setup, BookingLinks links, DateTimeOffset now)
    {
        yield return Callback(booking, OutboxKinds.CallbackCreate, now, follows: null);
        var flags = setup.Queue.Flags;
        if (booking.Immediate)
        {
            if (flags.SendCustomerEmail)
            {
                yield return Notification(booking, setup, links, NotificationKind.VideoStarting, now, now);
            }
            yield break;
        }
        foreach (var message in Invitations(booking, setup, links, now, NotificationKind.CustomerConfirmation, NotificationKind.AgentInvite))
        {
            yield return message;
        }
        if (Reminder(booking, setup, links, now) is { } reminder)
        {
            yield return reminder;
        }
    }

    /// <param name="lastCallbackMessage">The booking's latest contact-center message, which the update must follow.</param>
    public static IEnumerable<OutboxMessage> ForRescheduled(
        Booking booking, QueueSetup setup, BookingLinks links, DateTimeOffset now, long? lastCallbackMessage)
    {
        yield return Callback(booking, OutboxKinds.CallbackUpdate, now, follows: lastCallbackMessage);
        foreach (var message in Invitations(booking, setup, links, now, NotificationKind.CustomerConfirmation, NotificationKind.AgentInvite))
        {
            yield return message;
        }
        // The earlier reminder is superseded by the new sequence; this one replaces it.
        if (Reminder(booking, setup, links, now) is { } reminder)
        {
            yield return reminder;
        }
    }

    /// <param name="lastCallbackMessage">The booking's latest contact-center message, which the cancel must follow.</param>
    public static IEnumerable<OutboxMessage> ForCancelled(
        Booking booking, QueueSetup setup, BookingLinks links, DateTimeOffset now, long? lastCallbackMessage)
    {
        yield return Callback(booking, OutboxKinds.CallbackCancel, now, follows: lastCallbackMessage);
        if (booking.Immediate)
        {
            yield break;
        }
        foreach (var message in Invitations(booking, setup, links, now, NotificationKind.CustomerCancellation, NotificationKind.AgentCancellation))
        {
            yield return message;
        }
    }

    private static OutboxMessage? Reminder(Booking booking, QueueSetup setup, BookingLinks links, DateTimeOffset now)
    {
        var flags = setup.Queue.Flags;
        return flags.AnyReminderChannel && ReminderRule.DueAt(booking.ScheduledTime, flags.ReminderOffsetMinutes, now) is { } due
            ? Notification(booking, setup, links, NotificationKind.Reminder, due, now)
            : null;
    }

    private static IEnumerable<OutboxMessage> Invitations(
        Booking booking, QueueSetup setup, BookingLinks links, DateTimeOffset now, NotificationKind customerKind, NotificationKind agentKind)
    {
        var flags = setup.Queue.Flags;
        if (flags.SendCustomerEmail)
        {
            yield return Notification(booking, setup, links, customerKind, now, now);
        }
        if (flags.NotifyAgent)
        {
            // A booking with a pre-assigned advisor invites only them.
            foreach (var agent in setup.Agents.Where(a => booking.AdvisorEmail is null
                || string.Equals(a.Email, booking.AdvisorEmail, StringComparison.OrdinalIgnoreCase)))
            {
                yield return Notification(booking, setup, links, agentKind, now, now, agent);
            }
        }
    }

    private static OutboxMessage Callback(Booking booking, string kind, DateTimeOffset now, long? follows) => new()
    {
        FollowsId = follows,
        BookingId = booking.Id,
        Channel = OutboxChannels.ContactCenter,
        Kind = kind,
        Sequence = booking.Sequence,
        TraceParent = OutboxTrace.Current(),
        DueAt = now,
        CreatedAt = now,
    };

    private static OutboxMessage Notification(
        Booking booking, QueueSetup setup, BookingLinks links, NotificationKind kind, DateTimeOffset due, DateTimeOffset now,
        Agent? agent = null) => new()
        {
            BookingId = booking.Id,
            Channel = OutboxChannels.Notification,
            Kind = kind.ToOutboxKind(),
            Sequence = booking.Sequence,
            Recipient = agent?.Email,
            Payload = NotificationPayload.For(kind, booking, setup, links, agent).ToByteArray(),
            TraceParent = OutboxTrace.Current(),
            DueAt = due,
            CreatedAt = now,
        };
}
