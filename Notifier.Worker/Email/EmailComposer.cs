using System.Text;
using MimeKit;
using VideoEngager.Notifications;
using VideoEngager.Notifications.Content;
using VideoEngager.Notifications.Invites;

namespace VideoEngager.Notifier.Email;

/// <summary>Turns a notification job into the MIME message to send.</summary>
public sealed class EmailComposer(TimeProvider timeProvider)
{
    /// <summary>
    /// multipart/alternative (text/plain, text/html and, for invites and cancellations, text/calendar with the
    /// matching method), wrapped in multipart/mixed with the .ics attachment when there is an invite.
    /// </summary>
    public MimeMessage Compose(NotificationJob job)
    {
        var (booking, recipient) = (job.Booking, job.Recipient);
        var body = NotificationContent.Body(job);
        var now = timeProvider.GetUtcNow();

        var message = new MimeMessage
        {
            MessageId = job.MessageId,
            Subject = body.Subject,
            Date = now,
        };
        message.From.Add(new MailboxAddress(booking.TenantName, booking.SenderEmail));
        message.To.Add(new MailboxAddress(recipient.Name, recipient.Email));
        // RFC 3834: keeps vacation responders from answering the service mailbox.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add(HeaderId.ContentLanguage, body.Texts.Lang);

        var alternative = new MultipartAlternative
        {
            Text("plain", body.ToPlainText()),
            Text("html", body.ToHtml()),
        };
        if (!job.Kind.CarriesInvite())
        {
            message.Body = alternative;
            return message;
        }

        var (method, ics) = InviteBuilder.ForJob(job, body, now);
        var calendar = Text("calendar", ics);
        // Base64 keeps the calendar's CRLFs and folded lines byte for byte.
        calendar.ContentTransferEncoding = ContentEncoding.Base64;
        calendar.ContentType.Parameters.Add("method", method.ToIcsValue());
        alternative.Add(calendar);

        message.Body = new Multipart("mixed") { alternative, Attachment(ics) };
        return message;
    }

    private static TextPart Text(string subtype, string text)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    private static MimePart Attachment(string ics) => new("application", "ics")
    {
        Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(ics))),
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
        ContentTransferEncoding = ContentEncoding.Base64,
        // Sets both the disposition's filename and the content type's name.
        FileName = CalendarFile.FileNameForDownload,
    };
}
