using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using VideoEngager.Notifications.Content;

namespace VideoEngager.Notifications.Invites;

/// <summary>The localized, recipient-specific text of an invite.</summary>
/// <param name="RoomUrl">The recipient's own room: the customer's or the agent's, never the other one.</param>
public sealed record InviteText(string Summary, string Description, string RoomUrl);

/// <summary>Builds iTIP (RFC 5546) calendar objects for a booking, one attendee per invite.</summary>
public static class InviteBuilder
{
    public const string ProductId = "-//VideoEngager//Notifier//EN";

    /// <summary>
    /// The invite a job carries: a REQUEST, or a CANCEL for the cancellation kinds, in the words of its mail
    /// (<paramref name="body"/>). The mail and the edge's <c>.ics</c> download both come from here.
    /// </summary>
    public static (InviteMethod Method, string Ics) ForJob(NotificationJob job, EmailBody body, DateTimeOffset stamp)
    {
        var method = job.Kind.IsCancellation() ? InviteMethod.Cancel : InviteMethod.Request;
        return (method, Build(method, job.Booking, job.Recipient, job.Sequence, NotificationContent.Invite(job, body), stamp));
    }

    /// <param name="sequence">SEQUENCE: the booking's sequence for a request; for a cancel, one above the last sent.</param>
    /// <param name="stamp">DTSTAMP: when this iTIP message was created.</param>
    public static string Build(
        InviteMethod method, BookingSnapshot booking, Recipient attendee, int sequence, InviteText text,
        DateTimeOffset stamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        var cancel = method == InviteMethod.Cancel;
        var evt = new CalendarEvent
        {
            Uid = MessageIds.InviteUid(booking.BookingId),
            Sequence = sequence,
            DtStamp = Utc(stamp),
            DtStart = Utc(booking.ScheduledTime),
            DtEnd = Utc(booking.EndTime),
            Summary = text.Summary,
            Description = text.Description,
            Location = text.RoomUrl,
            Url = new Uri(text.RoomUrl, UriKind.Absolute),
            Status = cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            Transparency = TransparencyType.Opaque,
            // The organizer is the tenant's service mailbox: replies and updates come from there, never the attendee.
            Organizer = new Organizer(MailTo(booking.SenderEmail)) { CommonName = SingleLine(booking.TenantName) },
        };
        evt.Attendees.Add(new Attendee(MailTo(attendee.Email))
        {
            CommonName = SingleLine(attendee.Name),
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = EventParticipationStatus.NeedsAction,
            Rsvp = false,
        });

        var calendar = new Calendar { ProductId = ProductId, Method = method.ToIcsValue() };
        calendar.Events.Add(evt);
        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net produced no calendar text.");
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, "UTC", hasTime: true);

    private static string MailTo(string address) => "mailto:" + address.Trim();

    // A line break inside a parameter value would forge properties.
    private static string SingleLine(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
