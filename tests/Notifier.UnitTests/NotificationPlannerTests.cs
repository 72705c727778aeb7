using VideoEngager.Notifier.Email;
using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.UnitTests;

public class NotificationPlannerTests
{
    private static readonly DateTimeOffset Now = Bookings.Scheduled.AddDays(-1);
    private static readonly Recipient[] Agents = [Bookings.Agent, Recipient.Agent("Sara Ali", "sara.ali@demo-bank.example")];

    private static IReadOnlyList<PlannedNotification> Plan(
        BookingChange change, NotificationFlags flags, BookingSnapshot? booking = null, DateTimeOffset? now = null) =>
        NotificationPlanner.Plan(change, booking ?? Bookings.Create(), flags, Agents, now ?? Now);

    [Fact]
    public void A_booking_with_every_flag_invites_customer_and_each_agent_and_plans_reminders()
    {
        var planned = Plan(BookingChange.Booked, new NotificationFlags(true, true, 15, SmsReminders: true));

        Assert.Equal(
            [
                (NotificationKind.CustomerConfirmation, NotificationChannel.Email, Now),
                (NotificationKind.AgentInvite, NotificationChannel.Email, Now),
                (NotificationKind.AgentInvite, NotificationChannel.Email, Now),
                (NotificationKind.Reminder, NotificationChannel.Email, Bookings.Scheduled.AddMinutes(-15)),
                (NotificationKind.Reminder, NotificationChannel.Sms, Bookings.Scheduled.AddMinutes(-15)),
            ],
            planned.Select(p => (p.Job.Kind, p.Channel, p.DueAt)));
        Assert.Equal(["omar.farouk@demo-bank.example", "sara.ali@demo-bank.example"],
            planned.Where(p => p.Job.Kind == NotificationKind.AgentInvite).Select(p => p.Job.Recipient.Email));
    }

    [Fact]
    public void Flags_off_send_nothing_to_that_side()
    {
        Assert.Empty(Plan(BookingChange.Booked, new NotificationFlags(false, false, 15)));
        Assert.All(Plan(BookingChange.Booked, new NotificationFlags(false, true, 15)),
            p => Assert.Equal(NotificationKind.AgentInvite, p.Job.Kind));
    }

    [Fact]
    public void A_reschedule_sends_updated_invites_with_the_new_sequence()
    {
        var moved = Bookings.Create() with { Sequence = 1, ScheduledTime = Bookings.Scheduled.AddHours(2) };

        var planned = Plan(BookingChange.Rescheduled, new NotificationFlags(true, true, 15), moved);

        Assert.All(planned, p => Assert.Equal(1, p.Job.Sequence));
        Assert.Equal(moved.ScheduledTime.AddMinutes(-15), planned.Single(p => p.Job.Kind == NotificationKind.Reminder).DueAt);
    }

    [Fact]
    public void A_cancellation_cancels_with_a_higher_sequence_and_plans_no_reminder()
    {
        var booking = Bookings.Create() with { Sequence = 2, Cancelled = true };

        var planned = Plan(BookingChange.Cancelled, new NotificationFlags(true, true, 15, SmsReminders: true), booking);

        Assert.Equal(
            [NotificationKind.CustomerCancellation, NotificationKind.AgentCancellation, NotificationKind.AgentCancellation],
            planned.Select(p => p.Job.Kind));
        Assert.All(planned, p => Assert.Equal(3, p.Job.Sequence));
    }

    [Fact]
    public void A_booking_inside_the_offset_gets_its_reminder_at_once()
    {
        var now = Bookings.Scheduled.AddMinutes(-10);

        var reminder = Plan(BookingChange.Booked, new NotificationFlags(true, false, 15), now: now)
            .Single(p => p.Job.Kind == NotificationKind.Reminder);

        Assert.Equal(now, reminder.DueAt);
    }

    [Fact]
    public void No_phone_means_no_sms_reminder()
    {
        var booking = Bookings.Create() with { VisitorPhone = null };

        Assert.DoesNotContain(Plan(BookingChange.Booked, new NotificationFlags(true, false, 15, SmsReminders: true), booking),
            p => p.Channel == NotificationChannel.Sms);
    }

    [Fact]
    public void An_escalation_tells_the_customer_the_call_is_starting()
    {
        var planned = Assert.Single(Plan(BookingChange.Escalated, new NotificationFlags(true, true, 15)));

        Assert.Equal(NotificationKind.VideoStarting, planned.Job.Kind);
        Assert.Equal(Now, planned.DueAt);
    }

    [Fact]
    public void The_sms_reminder_is_localized_and_carries_only_the_customer_link()
    {
        var text = NotificationContent.SmsReminder(Bookings.Create(lang: "ar"));

        Assert.Contains("مكالمة الفيديو", text, StringComparison.Ordinal);
        Assert.Contains("t=customer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("t=agent", text, StringComparison.Ordinal);
    }
}
