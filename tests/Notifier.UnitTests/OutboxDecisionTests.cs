using VideoEngager.Notifications.V1;
using VideoEngager.Notifier.Outbox;
using static VideoEngager.Notifier.UnitTests.OutboxRows;

namespace VideoEngager.Notifier.UnitTests;

public class OutboxDecisionTests
{
    private static readonly DateTimeOffset DaysBefore = Scheduled.AddDays(-2);

    private static OutboxDecision Decide(OutboxRow job, DateTimeOffset? now = null, bool sms = false) =>
        OutboxDecision.For(job, now ?? DaysBefore, sms);

    [Fact]
    public void A_confirmation_is_sent_to_the_customer_with_the_booking_s_sequence_and_language()
    {
        var send = Assert.IsType<OutboxDecision.Send>(Decide(Job(Notification(NotificationKind.CustomerConfirmation, sequence: 1))));

        Assert.Equal((NotificationKind.CustomerConfirmation, "layla.haddad@example.com", "ar", 1),
            (send.Job.Kind, send.Job.Recipient.Email, send.Job.Recipient.Lang, send.Job.Sequence));
        Assert.Equal("https://edge.example/rooms/bk-123?token=cust-tok", send.Job.Booking.CustomerUrl);
        Assert.Equal((true, false), (send.Email, send.Sms));
    }

    [Fact]
    public void An_agent_invite_goes_to_the_agent_it_was_written_for()
    {
        var send = Assert.IsType<OutboxDecision.Send>(Decide(Job(Notification(NotificationKind.AgentInvite))));

        Assert.Equal(("Omar Farouk", Agent, null), (send.Job.Recipient.Name, send.Job.Recipient.Email, send.Job.Recipient.Lang));
        Assert.Equal(NotificationKind.AgentInvite, send.Job.Kind);
    }

    [Theory]
    [InlineData(NotificationKind.CustomerCancellation)]
    [InlineData(NotificationKind.AgentCancellation)]
    public void A_cancellation_carries_the_sequence_the_cancel_gave_the_booking(NotificationKind kind)
    {
        var send = Assert.IsType<OutboxDecision.Send>(Decide(Job(Notification(kind, sequence: 3))));

        Assert.Equal((kind, 3, true), (send.Job.Kind, send.Job.Sequence, send.Job.Booking.Cancelled));
    }

    [Fact]
    public void A_due_reminder_is_sent_by_email()
    {
        var send = Assert.IsType<OutboxDecision.Send>(Decide(Job(Notification(NotificationKind.Reminder)), now: Scheduled.AddMinutes(-15)));

        Assert.Equal((NotificationKind.Reminder, true, false), (send.Job.Kind, send.Email, send.Sms));
    }

    [Fact]
    public void A_reminder_after_the_call_started_is_skipped()
    {
        Assert.IsType<OutboxDecision.Skip>(Decide(Job(Notification(NotificationKind.Reminder)), now: Scheduled.AddSeconds(1)));
    }

    [Fact]
    public void A_reminder_goes_by_the_channels_it_was_planned_with()
    {
        var due = Scheduled.AddMinutes(-15);
        var noEmail = Notification(NotificationKind.Reminder, reminder: new ReminderChannels { Email = false, Sms = false });

        Assert.IsType<OutboxDecision.Skip>(Decide(Job(noEmail), due));
    }

    [Fact]
    public void An_sms_reminder_goes_on_the_first_attempt_only()
    {
        var smsOnly = Notification(NotificationKind.Reminder, reminder: new ReminderChannels { Email = false, Sms = true });
        var due = Scheduled.AddMinutes(-15);

        var first = Assert.IsType<OutboxDecision.Send>(Decide(Job(smsOnly), due, sms: true));
        Assert.Equal((false, true), (first.Email, first.Sms));
        Assert.IsType<OutboxDecision.Skip>(Decide(Job(smsOnly, attempts: 1), due, sms: true));
        Assert.IsType<OutboxDecision.Skip>(Decide(Job(smsOnly), due, sms: false));
        Assert.IsType<OutboxDecision.Skip>(Decide(Job(Notification(NotificationKind.Reminder, phone: "",
            reminder: new ReminderChannels { Sms = true })), due, sms: true));
    }

    [Fact]
    public void Unreadable_payloads_unknown_kinds_and_notifications_without_a_recipient_are_parked()
    {
        Assert.IsType<OutboxDecision.Park>(Decide(new OutboxRow(42, "email", [0xFF, 0x01, 0x02], 0)));
        Assert.IsType<OutboxDecision.Park>(Decide(new OutboxRow(42, "email", [], 0)));
        Assert.IsType<OutboxDecision.Park>(Decide(Job(Notification(NotificationKind.Unspecified))));
        Assert.IsType<OutboxDecision.Park>(Decide(Job(Notification((NotificationKind)99))));
        var anonymous = Notification(NotificationKind.AgentInvite);
        anonymous.Recipient = null;
        Assert.IsType<OutboxDecision.Park>(Decide(Job(anonymous)));
    }
}
