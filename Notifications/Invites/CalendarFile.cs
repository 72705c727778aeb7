using System.Text;
using VideoEngager.Notifications.Content;

namespace VideoEngager.Notifications.Invites;

/// <summary>An <c>.ics</c> file to download.</summary>
public sealed record CalendarFile(byte[] Content, string ContentType, string FileName)
{
    public const string FileNameForDownload = "invite.ics";

    /// <summary>
    /// The booking's calendar invite as it stands, the same REQUEST (or CANCEL) the customer was mailed, with the
    /// booking's current SEQUENCE: <paramref name="invite"/> is the customer's confirmation (or cancellation) of it.
    /// </summary>
    public static CalendarFile For(BookingNotification invite, DateTimeOffset now)
    {
        var job = invite.ToJob();
        var (method, ics) = InviteBuilder.ForJob(job, NotificationContent.Body(job), now);
        return new CalendarFile(
            Encoding.UTF8.GetBytes(ics), $"text/calendar; method={method.ToIcsValue()}; charset=UTF-8", FileNameForDownload);
    }
}
