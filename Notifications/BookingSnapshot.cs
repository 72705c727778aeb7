namespace VideoEngager.Notifications;

/// <summary>What the outbox knows about a booking when a notification about it is sent.</summary>
/// <param name="ScheduledTime">Start of the call (an instant; shown in <paramref name="TimeZone"/> and in UTC).</param>
/// <param name="Sequence">0 when booked, +1 on every reschedule; becomes the invite's SEQUENCE.</param>
/// <param name="TimeZone">The queue's IANA zone, used only to show local time in the e-mail body.</param>
public sealed record BookingSnapshot(
    string BookingId,
    string TenantId,
    string TenantName,
    string SenderEmail,
    string QueueName,
    DateTimeOffset ScheduledTime,
    int DurationMinutes,
    int Sequence,
    bool Cancelled,
    string VisitorName,
    string VisitorEmail,
    string? VisitorPhone,
    string PreferredLang,
    string CustomerUrl,
    string AgentUrl,
    string ManageUrl,
    string TimeZone)
{
    public DateTimeOffset EndTime => ScheduledTime.AddMinutes(DurationMinutes);
}
