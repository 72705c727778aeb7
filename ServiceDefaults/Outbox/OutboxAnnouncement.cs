using System.Globalization;

namespace VideoEngager.Outbox;

/// <summary>
/// What <c>NOTIFY outbox</c> says when outbox rows are written (see the Scheduling migrations that install the
/// trigger): the channel and the earliest due time of the rows written to it, <c>"{channel} {unix ms}"</c>. Only rows
/// due within a minute are announced, and never contact-center rows (their writer wakes its dispatcher in process).
/// </summary>
public readonly record struct OutboxAnnouncement(string Channel, DateTimeOffset DueAt)
{
    /// <summary>The PostgreSQL notification channel both consumers listen on.</summary>
    public const string NotifyChannel = "outbox";

    /// <returns>False for a payload in no known form (then anything may be due: look).</returns>
    public static bool TryParse(string? payload, out OutboxAnnouncement announcement)
    {
        announcement = default;
        var space = payload?.LastIndexOf(' ') ?? -1;
        if (space <= 0
            || !long.TryParse(payload.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var unixMs))
        {
            return false;
        }
        announcement = new OutboxAnnouncement(payload![..space], DateTimeOffset.FromUnixTimeMilliseconds(unixMs));
        return true;
    }
}
