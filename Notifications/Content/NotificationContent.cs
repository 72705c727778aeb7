using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using VideoEngager.Notifications.Invites;

namespace VideoEngager.Notifications.Content;

/// <summary>Chooses, localizes and fills the words of one notification.</summary>
public static partial class NotificationContent
{
    public static EmailBody Body(NotificationJob job)
    {
        var (booking, recipient, kind) = (job.Booking, job.Recipient, job.Kind);
        var texts = TextsFor(job);
        var updated = job.Sequence > 0;
        var (subject, body) = kind switch
        {
            NotificationKind.CustomerConfirmation when updated => (texts.SubjectRescheduled, texts.BodyRescheduled),
            NotificationKind.CustomerConfirmation => (texts.SubjectConfirmed, texts.BodyConfirmed),
            NotificationKind.CustomerCancellation => (texts.SubjectCancelled, texts.BodyCancelled),
            NotificationKind.AgentInvite when updated => (texts.SubjectAgentRescheduled, texts.BodyAgentRescheduled),
            NotificationKind.AgentInvite => (texts.SubjectAgentInvite, texts.BodyAgentInvite),
            NotificationKind.AgentCancellation => (texts.SubjectAgentCancelled, texts.BodyAgentCancelled),
            NotificationKind.Reminder => (texts.SubjectReminder, texts.BodyReminder),
            NotificationKind.VideoStarting => (texts.SubjectStarting, texts.BodyStarting),
            _ => throw new ArgumentOutOfRangeException(nameof(job), kind, "Unknown notification kind."),
        };

        var values = Values(job, texts);
        var lines = new List<string> { Fill(texts.Greeting, values), Fill(body, values), Fill(texts.When, values) };
        if (!kind.IsCancellation())
        {
            lines.Add(Fill(texts.Duration, values));
        }
        if (kind.IsForAgent())
        {
            // Agents are staff and need to know whom they will meet; the customer's contact details stay out.
            lines.Add(Fill(texts.Customer, values));
        }

        var links = new List<EmailLink>();
        if (!kind.IsCancellation())
        {
            links.Add(kind.IsForAgent()
                ? new EmailLink(texts.AgentLink, SafeUrl(booking.AgentUrl))
                : new EmailLink(texts.JoinLink, SafeUrl(booking.CustomerUrl)));
        }
        if (kind is NotificationKind.CustomerConfirmation or NotificationKind.Reminder)
        {
            links.Add(new EmailLink(texts.ManageLink, SafeUrl(booking.ManageUrl)));
        }

        return new EmailBody(texts, SingleLine(Fill(subject, values)), lines, links);
    }

    public static InviteText Invite(NotificationJob job, EmailBody body)
    {
        var texts = body.Texts;
        var values = Values(job, texts);
        var summary = Fill(job.Kind.IsForAgent() ? texts.AgentEventSummary : texts.EventSummary, values);
        var roomUrl = SafeUrl(job.Kind.IsForAgent() ? job.Booking.AgentUrl : job.Booking.CustomerUrl);
        var description = new StringBuilder();
        foreach (var line in body.Lines.Skip(1))
        {
            description.Append(line).Append('\n');
        }
        description.Append('\n').Append(roomUrl);
        return new InviteText(SingleLine(summary), description.ToString(), roomUrl);
    }

    public static string SmsReminder(BookingSnapshot booking)
    {
        var texts = EmailTexts.For(booking.PreferredLang);
        var values = Values(NotificationJob.ForCustomer(NotificationKind.Reminder, booking), texts);
        values["url"] = SafeUrl(booking.CustomerUrl);
        return Fill(texts.SmsReminder, values);
    }

    /// <summary>The call's start in the queue's zone and in UTC, e.g. "Tuesday 1 December 2026 13:00 (Asia/Dubai) · 2026-12-01 09:00 UTC".</summary>
    public static string FormatWhen(DateTimeOffset instant, string timeZone, CultureInfo culture)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) ?? DateTimeZone.Utc;
        var local = Instant.FromDateTimeOffset(instant).InZone(zone);
        var localText = local.ToString("dddd d MMMM yyyy HH:mm", culture);
        var utcText = instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{localText} ({zone.Id}) · {utcText} UTC";
    }

    private static EmailTexts TextsFor(NotificationJob job) => EmailTexts.For(job.Recipient.Lang);

    private static Dictionary<string, string> Values(NotificationJob job, EmailTexts texts) => new()
    {
        ["first"] = SingleLine(job.Recipient.FirstName),
        ["tenant"] = SingleLine(job.Booking.TenantName),
        ["queue"] = SingleLine(job.Booking.QueueName),
        ["visitor"] = SingleLine(job.Booking.VisitorName),
        ["when"] = FormatWhen(job.Booking.ScheduledTime, job.Booking.TimeZone, texts.Culture),
        ["minutes"] = job.Booking.DurationMinutes.ToString(texts.Culture),
    };

    // Values are inserted raw; each output format (plain, HTML, header, ICS) encodes the result itself.
    // One pass, so a value that happens to contain "{tenant}" is never expanded itself.
    private static string Fill(string template, Dictionary<string, string> values) =>
        Placeholder().Replace(template, match =>
            values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Placeholder();

    private static string SingleLine(string value) =>
        string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    // A link is only ever a web address: a javascript: or data: URL must never reach a mail client.
    private static string SafeUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : throw new ArgumentException("A room or manage link must be an absolute http(s) URL.", nameof(url));
}
