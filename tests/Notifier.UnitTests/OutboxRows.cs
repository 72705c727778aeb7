using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using VideoEngager.Notifications.V1;
using VideoEngager.Notifier.Outbox;

namespace VideoEngager.Notifier.UnitTests;

/// <summary>Test data for the outbox: claimed jobs carrying their notification, as Scheduling.Grpc writes it.</summary>
internal static class OutboxRows
{
    public static readonly DateTimeOffset Scheduled = Bookings.Scheduled;
    public const string Agent = "omar.farouk@demo-bank.example";

    public static BookingNotification Notification(
        NotificationKind kind, int sequence = 0, string phone = "+971501234567", ReminderChannels? reminder = null) => new()
    {
        Kind = kind,
        Recipient = kind is NotificationKind.AgentInvite or NotificationKind.AgentCancellation
            ? new Addressee { Name = "Omar Farouk", Email = Agent }
            : new Addressee { Name = "Layla Haddad", Email = "layla.haddad@example.com", Lang = "ar" },
        Booking = new BookingFacts
        {
            BookingId = "bk-123",
            TenantId = "demo",
            TenantName = "Demo Bank",
            SenderEmail = "appointments@demo-bank.example",
            QueueName = "VIP video",
            TimeZone = "Asia/Dubai",
            ScheduledTime = Timestamp.FromDateTimeOffset(Scheduled),
            DurationMinutes = 30,
            Sequence = sequence,
            Cancelled = kind is NotificationKind.CustomerCancellation or NotificationKind.AgentCancellation,
            VisitorName = "Layla Haddad",
            VisitorEmail = "layla.haddad@example.com",
            VisitorPhone = phone,
            PreferredLang = "ar",
            Links = new RoomLinks
            {
                CustomerRoom = "https://edge.example/rooms/bk-123?token=cust-tok",
                AgentRoom = "https://edge.example/rooms/bk-123?token=agent-tok",
                Manage = "https://edge.example/bookings/bk-123?token=manage-tok",
            },
        },
        Reminder = kind == NotificationKind.Reminder ? reminder ?? new ReminderChannels { Email = true } : null,
    };

    public static OutboxRow Job(BookingNotification notification, int attempts = 0) =>
        new(42, "email", notification.ToByteArray(), attempts);
}
