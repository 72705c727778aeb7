using System.Text;
using Google.Protobuf;
using VideoEngager.Notifications;
using VideoEngager.Notifications.Invites;
using VideoEngager.Notifications.V1;
using static VideoEngager.Notifier.UnitTests.OutboxRows;

namespace VideoEngager.Notifier.UnitTests;

/// <summary>The outbox contract: what Scheduling.Grpc writes is what the notifier reads, byte for byte.</summary>
public class BookingNotificationTests
{
    [Fact]
    public void The_payload_round_trips_through_its_bytes()
    {
        var written = Notification(NotificationKind.Reminder, sequence: 2,
            reminder: new ReminderChannels { Email = false, Sms = true });

        var read = BookingNotification.Parser.ParseFrom(written.ToByteArray());

        Assert.Equal(written, read);
        var job = read.ToJob();
        Assert.Equal((NotificationKind.Reminder, 2, Scheduled, 30), (job.Kind, job.Sequence, job.Booking.ScheduledTime, job.Booking.DurationMinutes));
        Assert.Equal(("Demo Bank", "appointments@demo-bank.example", "VIP video", "Asia/Dubai"),
            (job.Booking.TenantName, job.Booking.SenderEmail, job.Booking.QueueName, job.Booking.TimeZone));
        Assert.Equal(("Layla Haddad", "layla.haddad@example.com", "+971501234567", "ar"),
            (job.Booking.VisitorName, job.Booking.VisitorEmail, job.Booking.VisitorPhone, job.Booking.PreferredLang));
        Assert.Equal(("https://edge.example/rooms/bk-123?token=agent-tok", "https://edge.example/bookings/bk-123?token=manage-tok"),
            (job.Booking.AgentUrl, job.Booking.ManageUrl));
    }

    [Fact]
    public void An_empty_phone_reads_as_none()
    {
        Assert.Null(Notification(NotificationKind.CustomerConfirmation, phone: "").ToJob().Booking.VisitorPhone);
    }

    [Theory]
    [InlineData(NotificationKind.CustomerConfirmation, "REQUEST", 1)]
    [InlineData(NotificationKind.CustomerCancellation, "CANCEL", 2)]
    public void The_calendar_file_is_the_customer_s_invite_at_the_booking_s_sequence(NotificationKind kind, string method, int sequence)
    {
        var file = CalendarFile.For(Notification(kind, sequence), Scheduled.AddDays(-1));

        var ics = Encoding.UTF8.GetString(file.Content);
        Assert.Equal($"text/calendar; method={method}; charset=UTF-8", file.ContentType);
        Assert.Equal("invite.ics", file.FileName);
        Assert.Contains($"METHOD:{method}", ics);
        Assert.Contains($"SEQUENCE:{sequence}", ics);
        Assert.Contains("UID:bk-123@videoengager", ics);
        Assert.Contains("mailto:layla.haddad@example.com", ics);
    }

    [Fact]
    public void Every_kind_has_its_outbox_column_value()
    {
        var kinds = Enum.GetValues<NotificationKind>().Where(k => k != NotificationKind.Unspecified).ToList();

        Assert.Equal(kinds.Count, kinds.Select(k => k.ToOutboxKind()).Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => NotificationKind.Unspecified.ToOutboxKind());
    }
}
