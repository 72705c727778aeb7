using VideoEngager.Notifier.Notifications;
using VideoEngager.Notifier.Outbox;
using static VideoEngager.Notifier.UnitTests.OutboxRows;

namespace VideoEngager.Notifier.UnitTests;

public class OutboxDecisionTests
{
    private static readonly DateTimeOffset DaysBefore = Scheduled.AddDays(-2);
    private const string Agent = "omar.farouk@demo-bank.example";

    private static OutboxDecision Decide(OutboxRow job, BookingRow? booking, DateTimeOffset? now = null, bool sms = false) =>
        OutboxDecision.For(job, booking is null ? null : State(booking), now ?? DaysBefore, sms);

    [Fact]
    public void A_current_confirmation_is_sent_to_the_customer_with_the_booking_s_sequence()
    {
        var send = Assert.IsType<OutboxDecision.Send>(Decide(Job("email.customer-confirmation", 1), Booking(sequence: 1)));

        Assert.Equal((NotificationKind.CustomerConfirmation, "layla.haddad@example.com", 1), (send.Job.Kind, send.Job.Recipient.Email, send.Job.Sequence));
        Assert.Equal((true, false), (send.Email, send.Sms));
    }

    [Fact]
    public void An_agent_invite_goes_to_its_recipient_by_the_group_s_name()
    {
        var send = Assert.IsType<OutboxDecision.Send>(Decide(Job("email.agent-invite", 0, Agent.ToUpperInvariant()), Booking()));

        Assert.Equal(("Omar Farouk", Agent), (send.Job.Recipient.Name, send.Job.Recipient.Email));
        Assert.Equal(NotificationKind.AgentInvite, send.Job.Kind);
    }

    [Fact]
    public void An_agent_who_left_the_group_still_gets_the_job_written_for_them()
    {
        var send = Assert.IsType<OutboxDecision.Send>(Decide(Job("email.agent-invite", 0, "sara@demo-bank.example"), Booking()));

        Assert.Equal(("sara", "sara@demo-bank.example"), (send.Job.Recipient.Name, send.Job.Recipient.Email));
    }

    [Theory]
    [InlineData("email.customer-confirmation")]
    [InlineData("email.agent-invite")]
    [InlineData("reminder")]
    public void A_job_the_booking_has_moved_past_is_skipped(string kind)
    {
        Assert.IsType<OutboxDecision.Skip>(Decide(Job(kind, 0, Agent), Booking(sequence: 1)));
    }

    [Theory]
    [InlineData("email.customer-confirmation")]
    [InlineData("email.agent-invite")]
    [InlineData("reminder")]
    [InlineData("email.video-starting")]
    public void Nothing_but_the_cancellation_goes_out_for_a_cancelled_booking(string kind)
    {
        Assert.IsType<OutboxDecision.Skip>(Decide(Job(kind, 1, Agent), Booking(sequence: 1, status: "Cancelled")));
    }

    [Theory]
    [InlineData("email.customer-cancellation", NotificationKind.CustomerCancellation)]
    [InlineData("email.agent-cancellation", NotificationKind.AgentCancellation)]
    public void A_cancellation_carries_the_booking_s_current_sequence(string kind, NotificationKind expected)
    {
        var send = Assert.IsType<OutboxDecision.Send>(Decide(Job(kind, 3, Agent), Booking(sequence: 3, status: "Cancelled")));

        Assert.Equal((expected, 3), (send.Job.Kind, send.Job.Sequence));
    }

    [Fact]
    public void A_cancellation_for_a_booking_that_is_not_cancelled_is_skipped()
    {
        Assert.IsType<OutboxDecision.Skip>(Decide(Job("email.customer-cancellation", 1), Booking(sequence: 1)));
    }

    [Fact]
    public void A_due_reminder_is_sent_by_email()
    {
        var send = Assert.IsType<OutboxDecision.Send>(Decide(Job("reminder"), Booking(), now: Scheduled.AddMinutes(-15)));

        Assert.Equal((NotificationKind.Reminder, true, false), (send.Job.Kind, send.Email, send.Sms));
    }

    [Fact]
    public void A_reminder_after_the_call_started_is_skipped()
    {
        Assert.IsType<OutboxDecision.Skip>(Decide(Job("reminder"), Booking(), now: Scheduled.AddSeconds(1)));
    }

    [Fact]
    public void A_reminder_whose_offset_shrank_waits_for_the_new_due_time()
    {
        var booking = Booking(flags: """{"sendCustomerEmail":true,"reminderOffsetMinutes":5}""");

        var defer = Assert.IsType<OutboxDecision.Defer>(Decide(Job("reminder"), booking, now: Scheduled.AddMinutes(-15)));

        Assert.Equal(Scheduled.AddMinutes(-5), defer.Until);
    }

    [Fact]
    public void A_reminder_is_skipped_when_reminders_were_turned_off()
    {
        var booking = Booking(flags: """{"sendCustomerEmail":true,"reminderOffsetMinutes":0}""");

        Assert.IsType<OutboxDecision.Skip>(Decide(Job("reminder"), booking, now: Scheduled.AddMinutes(-1)));
    }

    [Fact]
    public void The_reminder_email_is_its_own_switch_not_the_confirmations()
    {
        var due = Scheduled.AddMinutes(-15);
        var noConfirmations = Booking(flags: """{"sendCustomerEmail":false}""");
        Assert.Equal((true, false), Email(Decide(Job("reminder"), noConfirmations, due)));

        var noReminderMail = Booking(flags: """{"sendCustomerEmail":true,"reminderEmail":false}""");
        Assert.IsType<OutboxDecision.Skip>(Decide(Job("reminder"), noReminderMail, due));

        static (bool, bool) Email(OutboxDecision decision) =>
            Assert.IsType<OutboxDecision.Send>(decision) is var send ? (send.Email, send.Sms) : default;
    }

    [Fact]
    public void An_sms_reminder_goes_on_the_first_attempt_only()
    {
        var booking = Booking(flags: """{"sendCustomerEmail":false,"smsReminders":true,"reminderEmail":false}""");
        var due = Scheduled.AddMinutes(-15);

        var first = Assert.IsType<OutboxDecision.Send>(Decide(Job("reminder"), booking, due, sms: true));
        Assert.Equal((false, true), (first.Email, first.Sms));
        Assert.IsType<OutboxDecision.Skip>(Decide(Job("reminder", attempts: 1), booking, due, sms: true));
        Assert.IsType<OutboxDecision.Skip>(Decide(Job("reminder"), booking, due, sms: false));
    }

    [Fact]
    public void Unknown_kinds_missing_bookings_and_agent_jobs_without_a_recipient_are_parked()
    {
        Assert.IsType<OutboxDecision.Park>(Decide(Job("callback.create"), Booking()));
        Assert.IsType<OutboxDecision.Park>(Decide(Job("email.customer-confirmation"), booking: null));
        Assert.IsType<OutboxDecision.Park>(Decide(Job("email.agent-invite", recipient: null), Booking()));
    }
}
