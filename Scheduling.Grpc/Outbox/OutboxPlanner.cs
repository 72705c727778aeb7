using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Queues;

namespace VideoEngager.Scheduling.Outbox;

/// <summary>What must follow each booking change: the callback, e-mails per the queue's flags, and the reminder.</summary>
public static class OutboxPlanner
{
    public static IEnumerable<OutboxMessage> ForCreated(Booking booking, QueueFlags flags, IReadOnlyList<Agent> agents, DateTimeOffset now)
    {
        yield return Message(booking, OutboxChannels.ContactCenter, OutboxKinds.CallbackCreate, now, now);
        if (booking.Immediate)
        {
            if (flags.SendCustomerEmail)
            {
                yield return Message(booking, OutboxChannels.Notification, OutboxKinds.VideoStarting, now, now);
            }
            yield break;
        }
        foreach (var message in Invitations(booking, flags, agents, now, OutboxKinds.CustomerConfirmation, OutboxKinds.AgentInvite))
        {
            yield return message;
        }
        if (flags.AnyReminderChannel && ReminderDue(booking.ScheduledTime, flags.ReminderOffsetMinutes, now) is { } due)
        {
            yield return Message(booking, OutboxChannels.Notification, OutboxKinds.Reminder, due, now);
        }
    }

    /// <param name="lastCallbackMessage">The booking's latest contact-center message, which the update must follow.</param>
    public static IEnumerable<OutboxMessage> ForRescheduled(
        Booking booking, QueueFlags flags, IReadOnlyList<Agent> agents, DateTimeOffset now, long? lastCallbackMessage)
    {
        yield return Message(booking, OutboxChannels.ContactCenter, OutboxKinds.CallbackUpdate, now, now, follows: lastCallbackMessage);
        foreach (var message in Invitations(booking, flags, agents, now, OutboxKinds.CustomerConfirmation, OutboxKinds.AgentInvite))
        {
            yield return message;
        }
        // The earlier reminder is superseded by the new sequence; this one replaces it.
        if (flags.AnyReminderChannel && ReminderDue(booking.ScheduledTime, flags.ReminderOffsetMinutes, now) is { } due)
        {
            yield return Message(booking, OutboxChannels.Notification, OutboxKinds.Reminder, due, now);
        }
    }

    /// <param name="lastCallbackMessage">The booking's latest contact-center message, which the cancel must follow.</param>
    public static IEnumerable<OutboxMessage> ForCancelled(
        Booking booking, QueueFlags flags, IReadOnlyList<Agent> agents, DateTimeOffset now, long? lastCallbackMessage)
    {
        yield return Message(booking, OutboxChannels.ContactCenter, OutboxKinds.CallbackCancel, now, now, follows: lastCallbackMessage);
        if (booking.Immediate)
        {
            yield break;
        }
        foreach (var message in Invitations(booking, flags, agents, now, OutboxKinds.CustomerCancellation, OutboxKinds.AgentCancellation))
        {
            yield return message;
        }
    }

    /// <summary>
    /// The reminder's due time: the scheduled time minus the offset; at once when that has passed but the call has
    /// not started; none once it has started.
    /// </summary>
    public static DateTimeOffset? ReminderDue(DateTimeOffset scheduledTime, int offsetMinutes, DateTimeOffset now)
    {
        if (scheduledTime <= now)
        {
            return null;
        }
        var due = scheduledTime.AddMinutes(-offsetMinutes);
        return due > now ? due : now;
    }

    private static IEnumerable<OutboxMessage> Invitations(
        Booking booking, QueueFlags flags, IReadOnlyList<Agent> agents, DateTimeOffset now, string customerKind, string agentKind)
    {
        if (flags.SendCustomerEmail)
        {
            yield return Message(booking, OutboxChannels.Notification, customerKind, now, now);
        }
        if (flags.NotifyAgent)
        {
            // A booking with a pre-assigned advisor invites only them.
            foreach (var agent in agents.Where(a => booking.AdvisorEmail is null
                || string.Equals(a.Email, booking.AdvisorEmail, StringComparison.OrdinalIgnoreCase)))
            {
                yield return Message(booking, OutboxChannels.Notification, agentKind, now, now, agent.Email);
            }
        }
    }

    private static OutboxMessage Message(
        Booking booking, string channel, string kind, DateTimeOffset due, DateTimeOffset now, string? recipient = null,
        long? follows = null) => new()
        {
            FollowsId = follows,
            BookingId = booking.Id,
            Channel = channel,
            Kind = kind,
            Sequence = booking.Sequence,
            Recipient = recipient,
            DueAt = due,
            CreatedAt = now,
        };
}
