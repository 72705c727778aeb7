using Google.Protobuf.WellKnownTypes;
using VideoEngager.Notifications;
using VideoEngager.Notifications.V1;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Queues;

namespace VideoEngager.Scheduling.Outbox;

/// <summary>
/// The outbox contract written for Notifier.Worker (Protos/notifications.proto): everything one notification needs,
/// as the booking stands in the transaction that writes it.
/// </summary>
internal static class NotificationPayload
{
    /// <param name="agent">The agent an agent kind goes to; null for the customer's kinds.</param>
    public static BookingNotification For(NotificationKind kind, Booking booking, QueueSetup setup, BookingLinks links, Agent? agent = null)
    {
        var queue = setup.Queue;
        return new BookingNotification
        {
            Kind = kind,
            Recipient = agent is null
                ? new Addressee { Name = booking.VisitorName, Email = booking.VisitorEmail, Lang = booking.PreferredLang }
                : new Addressee { Name = agent.Name, Email = agent.Email },
            Booking = new BookingFacts
            {
                BookingId = booking.Id,
                TenantId = booking.TenantId,
                TenantName = setup.Sender.Name,
                SenderEmail = setup.Sender.Email,
                QueueName = queue.Name,
                TimeZone = queue.TimeZone,
                ScheduledTime = Timestamp.FromDateTimeOffset(booking.ScheduledTime),
                DurationMinutes = queue.IntervalMinutes,
                Sequence = booking.Sequence,
                Cancelled = booking.Status == BookingStatus.Cancelled,
                VisitorName = booking.VisitorName,
                VisitorEmail = booking.VisitorEmail,
                VisitorPhone = booking.VisitorPhone,
                PreferredLang = booking.PreferredLang,
                // Each party's own links only: a row waits in the outbox for weeks, and the manage link can cancel.
                Links = agent is null
                    ? new RoomLinks { CustomerRoom = links.CustomerRoom(booking), Manage = links.Manage(booking) }
                    : new RoomLinks { AgentRoom = links.AgentRoom(booking) },
            },
            Reminder = kind == NotificationKind.Reminder
                ? new ReminderChannels { Email = queue.Flags.ReminderEmail, Sms = queue.Flags.SmsReminders }
                : null,
        };
    }

    /// <summary>The customer's invite as the booking stands: its confirmation, or its cancellation once cancelled.</summary>
    public static BookingNotification CustomerInvite(Booking booking, QueueSetup setup, BookingLinks links) =>
        For(booking.Status == BookingStatus.Cancelled ? NotificationKind.CustomerCancellation : NotificationKind.CustomerConfirmation,
            booking, setup, links);
}
