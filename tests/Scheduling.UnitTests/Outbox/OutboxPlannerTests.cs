using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Outbox;
using VideoEngager.Scheduling.Queues;

namespace VideoEngager.Scheduling.UnitTests.Outbox;

public sealed class OutboxPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Agent[] Agents = [new("A One", "a1@example.com"), new("A Two", "a2@example.com")];

    [Fact]
    public void A_booking_asks_for_its_callback_both_invites_per_agent_and_a_reminder()
    {
        var booking = Booking(Now.AddHours(2));

        var messages = OutboxPlanner.ForCreated(booking, new QueueFlags(), Agents, Now).ToList();

        Assert.Equal(
            [OutboxKinds.CallbackCreate, OutboxKinds.CustomerConfirmation, OutboxKinds.AgentInvite, OutboxKinds.AgentInvite, OutboxKinds.Reminder],
            messages.Select(m => m.Kind));
        Assert.Equal(["a1@example.com", "a2@example.com"], messages.Where(m => m.Kind == OutboxKinds.AgentInvite).Select(m => m.Recipient));
        Assert.Equal(Now.AddHours(2).AddMinutes(-15), messages.Single(m => m.Kind == OutboxKinds.Reminder).DueAt);
    }

    [Fact]
    public void A_pre_assigned_advisor_is_the_only_agent_invited()
    {
        var booking = Booking(Now.AddHours(2), advisor: "A2@example.com");

        var invited = OutboxPlanner.ForCreated(booking, new QueueFlags(), Agents, Now)
            .Where(m => m.Kind == OutboxKinds.AgentInvite).Select(m => m.Recipient);

        Assert.Equal(["a2@example.com"], invited);
    }

    [Fact]
    public void Flags_switch_off_the_emails()
    {
        var flags = new QueueFlags { SendCustomerEmail = false, NotifyAgent = false };

        var kinds = OutboxPlanner.ForCreated(Booking(Now.AddHours(2)), flags, Agents, Now).Select(m => m.Kind).ToList();

        Assert.Equal([OutboxKinds.CallbackCreate, OutboxKinds.Reminder], kinds);
    }

    [Fact]
    public void A_reminder_is_planned_when_it_has_a_channel_whatever_the_confirmations_flag()
    {
        var kinds = (QueueFlags flags) => OutboxPlanner.ForCreated(Booking(Now.AddHours(2)), flags, Agents, Now).Select(m => m.Kind).ToList();

        Assert.Contains(OutboxKinds.Reminder, kinds(new QueueFlags { SendCustomerEmail = false, NotifyAgent = false }));
        Assert.Contains(OutboxKinds.Reminder, kinds(new QueueFlags { ReminderEmail = false, SmsReminders = true }));
        Assert.DoesNotContain(OutboxKinds.Reminder, kinds(new QueueFlags { ReminderEmail = false, SmsReminders = false }));
    }

    [Theory]
    [InlineData(60, 15, 45)]   // due at scheduled − offset
    [InlineData(10, 15, 0)]    // booked inside the offset: at once
    [InlineData(15, 15, 0)]
    public void Reminder_is_due_at_the_offset_or_at_once(int minutesAhead, int offset, int dueInMinutes) =>
        Assert.Equal(Now.AddMinutes(dueInMinutes), OutboxPlanner.ReminderDue(Now.AddMinutes(minutesAhead), offset, Now));

    [Fact]
    public void No_reminder_once_the_call_has_started() =>
        Assert.Null(OutboxPlanner.ReminderDue(Now, 15, Now));

    [Fact]
    public void An_escalation_asks_for_its_callback_and_the_starting_email_only()
    {
        var booking = Booking(Now, immediate: true);

        var kinds = OutboxPlanner.ForCreated(booking, new QueueFlags(), Agents, Now).Select(m => m.Kind).ToList();

        Assert.Equal([OutboxKinds.CallbackCreate, OutboxKinds.VideoStarting], kinds);
    }

    [Fact]
    public void Cancel_and_reschedule_carry_the_new_sequence()
    {
        var booking = Booking(Now.AddDays(1));
        booking.Sequence = 2;

        var cancelled = OutboxPlanner.ForCancelled(booking, new QueueFlags(), Agents, Now, lastCallbackMessage: 41).ToList();
        var moved = OutboxPlanner.ForRescheduled(booking, new QueueFlags(), Agents, Now, lastCallbackMessage: 42).ToList();

        Assert.Equal(OutboxKinds.CallbackCancel, cancelled[0].Kind);
        Assert.Contains(cancelled, m => m.Kind == OutboxKinds.CustomerCancellation);
        Assert.Equal(2, cancelled.Count(m => m.Kind == OutboxKinds.AgentCancellation));
        Assert.Equal(OutboxKinds.CallbackUpdate, moved[0].Kind);
        Assert.All(cancelled.Concat(moved), m => Assert.Equal(2, m.Sequence));
        // Only the callback message waits for the booking's previous one; mails do not.
        Assert.Equal([41L], cancelled.Where(m => m.FollowsId is not null).Select(m => m.FollowsId!.Value));
        Assert.Equal([42L], moved.Where(m => m.FollowsId is not null).Select(m => m.FollowsId!.Value));
    }

    private static Booking Booking(DateTimeOffset scheduled, bool immediate = false, string? advisor = null) => new()
    {
        AdvisorEmail = advisor,
        Id = "bk_test",
        TenantId = "t",
        QueueId = "q",
        Immediate = immediate,
        ScheduledTime = scheduled,
        VisitorName = "V",
        VisitorEmail = "v@example.com",
        VisitorPhone = "+971501234567",
        PreferredLang = "en",
        CustomerToken = "c",
        AgentToken = "a",
        ManageToken = "m",
    };
}
