using Ical.Net;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using VideoEngager.Notifier.Email;
using VideoEngager.Notifications;
using VideoEngager.Notifications.Content;
using VideoEngager.Notifications.V1;
using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.UnitTests;

public class EmailComposerTests
{
    private readonly EmailComposer _composer = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)));

    private MimeMessage Customer(NotificationKind kind, BookingSnapshot? booking = null, int? sequence = null) =>
        _composer.Compose(NotificationJob.ForCustomer(kind, booking ?? Bookings.Create(), sequence));

    private static TextPart Part(MimeMessage message, string subtype) =>
        message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MediaSubtype == subtype && !p.IsAttachment);

    private static string Html(MimeMessage message) => Part(message, "html").Text;

    [Theory]
    [InlineData(NotificationKind.CustomerConfirmation, "REQUEST")]
    [InlineData(NotificationKind.CustomerCancellation, "CANCEL")]
    [InlineData(NotificationKind.AgentInvite, "REQUEST")]
    [InlineData(NotificationKind.AgentCancellation, "CANCEL")]
    public void Invite_kinds_are_mixed_alternative_with_a_calendar_part_and_an_attachment(NotificationKind kind, string method)
    {
        var booking = Bookings.Create();
        var job = kind.IsForAgent()
            ? NotificationJob.ForAgent(kind, booking, Bookings.Agent)
            : NotificationJob.ForCustomer(kind, booking);
        var message = _composer.Compose(job);

        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html", "text/calendar"], alternative.Select(p => p.ContentType.MimeType));

        var calendarPart = (TextPart)alternative[2];
        Assert.Equal(method, calendarPart.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", calendarPart.ContentType.Charset, ignoreCase: true);
        Assert.Equal(method, Calendar.Load(calendarPart.Text)!.Method);

        var attachment = Assert.IsType<MimePart>(mixed[1]);
        Assert.True(attachment.IsAttachment);
        Assert.Equal("application/ics", attachment.ContentType.MimeType);
        Assert.Equal("invite.ics", attachment.FileName);
        Assert.Equal("invite.ics", attachment.ContentType.Name);
        using var content = new MemoryStream();
        Assert.IsType<MimeContent>(attachment.Content).DecodeTo(content, TestContext.Current.CancellationToken);
        // MimeKit hands text back with the platform's line endings; the wire format is CRLF either way.
        Assert.Equal(calendarPart.Text.ReplaceLineEndings(), System.Text.Encoding.UTF8.GetString(content.ToArray()).ReplaceLineEndings());
    }

    [Theory]
    [InlineData(NotificationKind.Reminder)]
    [InlineData(NotificationKind.VideoStarting)]
    public void Reminder_and_starting_are_plain_and_html_alternatives_only(NotificationKind kind)
    {
        var message = Customer(kind);

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("https://video.example/room/bk-123?t=customer", Part(message, "plain").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_invite_uses_the_sequence_the_caller_passes()
    {
        var booking = Bookings.Create() with { Sequence = 1, Cancelled = true };
        var message = Customer(NotificationKind.CustomerCancellation, booking, sequence: 2);

        var evt = Assert.Single(Calendar.Load(Part(message, "calendar").Text)!.Events);
        Assert.Equal(2, evt.Sequence);
        Assert.Equal("CANCELLED", evt.Status);
    }

    [Fact]
    public void From_is_the_tenant_sender_and_to_is_the_recipient()
    {
        var message = Customer(NotificationKind.CustomerConfirmation);

        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal("appointments@demo-bank.example", from.Address);
        Assert.Equal("Demo Bank", from.Name);
        Assert.Equal("layla.haddad@example.com", Assert.Single(message.To.Mailboxes).Address);
    }

    [Fact]
    public void Message_id_is_deterministic_and_changes_with_the_sequence()
    {
        var first = Customer(NotificationKind.CustomerConfirmation).MessageId;
        var again = Customer(NotificationKind.CustomerConfirmation).MessageId;
        var rescheduled = Customer(NotificationKind.CustomerConfirmation, sequence: 1).MessageId;
        var otherKind = Customer(NotificationKind.Reminder).MessageId;

        Assert.Equal(first, again);
        Assert.NotEqual(first, rescheduled);
        Assert.NotEqual(first, otherKind);
        Assert.Matches("^[0-9a-f]{64}@videoengager$", first);
    }

    [Fact]
    public void Message_id_differs_per_recipient()
    {
        var booking = Bookings.Create();
        var one = _composer.Compose(NotificationJob.ForAgent(NotificationKind.AgentInvite, booking, Bookings.Agent)).MessageId;
        var other = _composer.Compose(NotificationJob.ForAgent(
            NotificationKind.AgentInvite, booking, Recipient.Agent("Sara Ali", "sara.ali@demo-bank.example"))).MessageId;

        Assert.NotEqual(one, other);
    }

    [Fact]
    public void Arabic_email_is_right_to_left_and_arabic()
    {
        var message = Customer(NotificationKind.CustomerConfirmation, Bookings.Create(lang: "ar-AE"));

        var html = Html(message);
        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\"", html, StringComparison.Ordinal);
        Assert.Contains("مكالمة الفيديو", message.Subject, StringComparison.Ordinal);
        Assert.Contains("مكالمة الفيديو", Part(message, "plain").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("")]
    public void Other_languages_fall_back_to_english_left_to_right(string lang)
    {
        var html = Html(Customer(NotificationKind.CustomerConfirmation, Bookings.Create(lang: lang)));

        Assert.Contains("lang=\"en\" dir=\"ltr\"", html, StringComparison.Ordinal);
        Assert.Contains("Your video call with Demo Bank is booked", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(NotificationKind.CustomerConfirmation, "en")]
    [InlineData(NotificationKind.CustomerCancellation, "ar")]
    [InlineData(NotificationKind.Reminder, "en")]
    [InlineData(NotificationKind.VideoStarting, "ar")]
    [InlineData(NotificationKind.AgentInvite, "en")]
    [InlineData(NotificationKind.AgentCancellation, "en")]
    public void Subject_has_no_email_phone_or_last_name(NotificationKind kind, string lang)
    {
        var booking = Bookings.Create(lang: lang);
        var job = kind.IsForAgent()
            ? NotificationJob.ForAgent(kind, booking, Bookings.Agent)
            : NotificationJob.ForCustomer(kind, booking);

        var subject = _composer.Compose(job).Subject;

        Assert.DoesNotContain("@", subject, StringComparison.Ordinal);
        Assert.DoesNotContain("+971", subject, StringComparison.Ordinal);
        Assert.DoesNotContain("501234567", subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Haddad", subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Farouk", subject, StringComparison.Ordinal);
        // An agent's subject names no customer at all.
        if (kind.IsForAgent())
        {
            Assert.DoesNotContain("Layla", subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Customer_subject_greets_by_first_name()
    {
        Assert.StartsWith("Layla, ", Customer(NotificationKind.CustomerConfirmation).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Interpolated_values_are_html_encoded()
    {
        var booking = Bookings.Create(visitorName: "<script>alert(1)</script> Smith") with { TenantName = "A&B \"Bank\"" };

        var customerHtml = Html(Customer(NotificationKind.CustomerConfirmation, booking));
        var agentHtml = Html(_composer.Compose(NotificationJob.ForAgent(NotificationKind.AgentInvite, booking, Bookings.Agent)));

        foreach (var html in new[] { customerHtml, agentHtml })
        {
            Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", customerHtml, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Smith", agentHtml, StringComparison.Ordinal);
        Assert.Contains("A&amp;B &quot;Bank&quot;", customerHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"https://video.example/room/bk-123?t=customer\"", customerHtml.Replace("&amp;", "&", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_that_is_not_http_is_refused()
    {
        var booking = Bookings.Create() with { CustomerUrl = "javascript:alert(1)" };

        Assert.Throws<ArgumentException>(() => Customer(NotificationKind.CustomerConfirmation, booking));
    }

    [Fact]
    public void Customer_mail_never_carries_the_agent_url_and_agent_mail_never_the_customer_url()
    {
        var booking = Bookings.Create();
        var customer = Customer(NotificationKind.CustomerConfirmation, booking);
        var agent = _composer.Compose(NotificationJob.ForAgent(NotificationKind.AgentInvite, booking, Bookings.Agent));

        Assert.DoesNotContain("t=agent", customer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("t=agent", Part(customer, "calendar").Text, StringComparison.Ordinal);
        Assert.Contains(booking.AgentUrl, Part(agent, "calendar").Text.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("t=customer", Part(agent, "plain").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_is_shown_in_the_queue_zone_and_in_utc()
    {
        var plain = Part(Customer(NotificationKind.CustomerConfirmation), "plain").Text;

        Assert.Contains("13:00 (Asia/Dubai)", plain, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 09:00 UTC", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reschedule_says_the_time_changed()
    {
        var message = Customer(NotificationKind.CustomerConfirmation, Bookings.Create() with { Sequence = 1 }, sequence: 1);

        Assert.Contains("new time", message.Subject, StringComparison.Ordinal);
    }
}
