using VideoEngager.Notifier.Outbox;

namespace VideoEngager.Notifier.UnitTests;

/// <summary>Test data for the outbox: a booking row as the database gives it, and claimed jobs.</summary>
internal static class OutboxRows
{
    public const string BaseUrl = "https://edge.example/";
    public static readonly DateTimeOffset Scheduled = Bookings.Scheduled;

    public static BookingRow Booking(
        int sequence = 0, string status = "Confirmed", DateTimeOffset? scheduled = null,
        string flags = """{"sendCustomerEmail":true,"notifyAgent":true,"reminderOffsetMinutes":15,"smsReminders":false}""",
        string? agents = """[{"name":"Omar Farouk","email":"omar.farouk@demo-bank.example"}]""",
        string phone = "+971501234567") => new(
        Id: "bk-123",
        Status: status,
        Immediate: false,
        ScheduledTime: scheduled ?? Scheduled,
        Sequence: sequence,
        VisitorName: "Layla Haddad",
        VisitorEmail: "layla.haddad@example.com",
        VisitorPhone: phone,
        PreferredLang: "ar",
        CustomerToken: "cust-tok",
        AgentToken: "agent-tok",
        ManageToken: "manage-tok",
        TenantId: "demo",
        TenantName: "Demo Bank",
        SenderEmail: "appointments@demo-bank.example",
        QueueName: "VIP video",
        TimeZone: "Asia/Dubai",
        IntervalMinutes: 30,
        FlagsJson: flags,
        AgentsJson: agents);

    public static BookingState State(BookingRow row) => BookingStates.From(row, BaseUrl);

    public static OutboxRow Job(string kind, int sequence = 0, string? recipient = null, int attempts = 0) =>
        new(42, "bk-123", kind, sequence, recipient, attempts);
}
