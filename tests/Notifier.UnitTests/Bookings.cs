using VideoEngager.Notifications;

namespace VideoEngager.Notifier.UnitTests;

/// <summary>Test data: each test starts from a fresh booking and changes what it needs.</summary>
internal static class Bookings
{
    public static readonly DateTimeOffset Scheduled = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static BookingSnapshot Create(string lang = "en", string visitorName = "Layla Haddad") => new(
        BookingId: "bk-123",
        TenantId: "demo",
        TenantName: "Demo Bank",
        SenderEmail: "appointments@demo-bank.example",
        QueueName: "VIP video",
        ScheduledTime: Scheduled,
        DurationMinutes: 30,
        Sequence: 0,
        Cancelled: false,
        VisitorName: visitorName,
        VisitorEmail: "layla.haddad@example.com",
        VisitorPhone: "+971501234567",
        PreferredLang: lang,
        CustomerUrl: "https://video.example/room/bk-123?t=customer",
        AgentUrl: "https://video.example/agent/bk-123?t=agent",
        ManageUrl: "https://video.example/bookings/bk-123?token=manage",
        TimeZone: "Asia/Dubai");

    public static Recipient Agent { get; } = Recipient.Agent("Omar Farouk", "omar.farouk@demo-bank.example");
}
