using VideoEngager.Notifications;
using VideoEngager.Notifications.V1;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Outbox;
using VideoEngager.Scheduling.Queues;

namespace VideoEngager.Scheduling.UnitTests.Outbox;

public sealed class OutboxPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly Agent[] Agents = [new("A One", "a1@example.com"), new("A Two", "a2@example.com")];
    private static readonly BookingLinks Links = new("https://edge.example/");
    private static readonly string CustomerConfirmation = NotificationKind.CustomerConfirmation.ToOutboxKind();
    private static readonly string CustomerCancellation = NotificationKind.CustomerCancellation.ToOutboxKind();
    private static readonly string AgentInvite = NotificationKind.AgentInvite.ToOutboxKind();
    private static readonly string AgentCancellation = NotificationKind.AgentCancellation.ToOutboxKind();
    private static readonly string Reminder = NotificationKind.Reminder.ToOutboxKind();
    private static readonly string VideoStarting = NotificationKind.VideoStarting.ToOutboxKind();

    [Fact]
    public void A_booking_asks_for_its_callback_both_invites_per_agent_and_a_reminder()
    {
        var booking = Booking(Now.AddHours(2));

        var messages = OutboxPlanner.ForCreated(booking, Setup(new QueueFlags()), Links, Now).ToList();

        Assert.Equal(
            [OutboxKinds.CallbackCreate, CustomerConfirmation, AgentInvite, AgentInvite, Reminder],
            messages.Select(m => m.Kind));
        Assert.Equal(["a1@example.com", "a2@example.com"], messages.Where(m => m.Kind == AgentInvite).Select(m => m.Recipient));
        Assert.Equal(Now.AddHours(2).AddMinutes(-15), messages.Single(m => m.Kind == Reminder).DueAt);
    }

    [Fact]
    public void A_pre_assigned_advisor_is_the_only_agent_invited()
    {
        var booking = Booking(Now.AddHours(2), advisor: "A2@example.com");

        var invited = OutboxPlanner.ForCreated(booking, Setup(new QueueFlags()), Links, Now)
            .Where(m => m.Kind == AgentInvite).Select(m => m.Recipient);

        Assert.Equal(["a2@example.com"], invited);
    }

    [Fact]
    public void Flags_switch_off_the_emails()
    {
        var flags = new QueueFlags { SendCustomerEmail = false, NotifyAgent = false };

        var kinds = OutboxPlanner.ForCreated(Booking(Now.AddHours(2)), Setup(flags), Links, Now).Select(m => m.Kind).ToList();

        Assert.Equal([OutboxKinds.CallbackCreate, Reminder], kinds);
    }

    [Fact]
    public void A_reminder_is_planned_when_it_has_a_channel_whatever_the_confirmations_flag()
    {
        var kinds = (QueueFlags flags) => OutboxPlanner.ForCreated(Booking(Now.AddHours(2)), Setup(flags), Links, Now).Select(m => m.Kind).ToList();

        Assert.Contains(Reminder, kinds(new QueueFlags { SendCustomerEmail = false, NotifyAgent = false }));
        Assert.Contains(Reminder, kinds(new QueueFlags { ReminderEmail = false, SmsReminders = true }));
        Assert.DoesNotContain(Reminder, kinds(new QueueFlags { ReminderEmail = false, SmsReminders = false }));
    }

    [Fact]
    public void An_escalation_asks_for_its_callback_and_the_starting_email_only()
    {
        var booking = Booking(Now, immediate: true);

        var kinds = OutboxPlanner.ForCreated(booking, Setup(new QueueFlags()), Links, Now).Select(m => m.Kind).ToList();

        Assert.Equal([OutboxKinds.CallbackCreate, VideoStarting], kinds);
    }

    [Fact]
    public void Cancel_and_reschedule_carry_the_new_sequence()
    {
        var booking = Booking(Now.AddDays(1));
        booking.Sequence = 2;

        var cancelled = OutboxPlanner.ForCancelled(booking, Setup(new QueueFlags()), Links, Now, lastCallbackMessage: 41).ToList();
        var moved = OutboxPlanner.ForRescheduled(booking, Setup(new QueueFlags()), Links, Now, lastCallbackMessage: 42).ToList();

        Assert.Equal(OutboxKinds.CallbackCancel, cancelled[0].Kind);
        Assert.Contains(cancelled, m => m.Kind == CustomerCancellation);
        Assert.Equal(2, cancelled.Count(m => m.Kind == AgentCancellation));
        Assert.Equal(OutboxKinds.CallbackUpdate, moved[0].Kind);
        Assert.All(cancelled.Concat(moved), m => Assert.Equal(2, m.Sequence));
        // Only the callback message waits for the booking's previous one; mails do not.
        Assert.Equal([41L], cancelled.Where(m => m.FollowsId is not null).Select(m => m.FollowsId!.Value));
        Assert.Equal([42L], moved.Where(m => m.FollowsId is not null).Select(m => m.FollowsId!.Value));
    }

    [Fact]
    public void Each_notification_carries_its_payload_addressed_to_its_recipient()
    {
        var booking = Booking(Now.AddHours(2));
        var flags = new QueueFlags { ReminderEmail = false, SmsReminders = true };

        var messages = OutboxPlanner.ForCreated(booking, Setup(flags), Links, Now).ToList();

        Assert.Null(messages.Single(m => m.Channel == OutboxChannels.ContactCenter).Payload);
        var payloads = messages.Where(m => m.Channel == OutboxChannels.Notification)
            .Select(m => (m.Kind, Notification: BookingNotification.Parser.ParseFrom(m.Payload))).ToList();
        Assert.All(payloads, p => Assert.Equal(p.Kind, p.Notification.Kind.ToOutboxKind()));
        var confirmation = payloads.Single(p => p.Kind == CustomerConfirmation).Notification;
        Assert.Equal(("V", "v@example.com", "en"), (confirmation.Recipient.Name, confirmation.Recipient.Email, confirmation.Recipient.Lang));
        Assert.Equal(("Demo Bank", "video@demo.example", "VIP", "Asia/Dubai", 30),
            (confirmation.Booking.TenantName, confirmation.Booking.SenderEmail, confirmation.Booking.QueueName,
                confirmation.Booking.TimeZone, confirmation.Booking.DurationMinutes));
        Assert.Equal("https://edge.example/rooms/bk_test?token=c", confirmation.Booking.Links.CustomerRoom);
        // Each party's own links only: the agent's room never in the customer's row, the manage link never in an agent's.
        Assert.Equal(("", "https://edge.example/bookings/bk_test?token=m"), (confirmation.Booking.Links.AgentRoom, confirmation.Booking.Links.Manage));
        var invite = payloads.First(p => p.Kind == AgentInvite).Notification.Booking.Links;
        Assert.Equal(("https://edge.example/rooms/bk_test?token=a", "", ""), (invite.AgentRoom, invite.CustomerRoom, invite.Manage));
        Assert.Null(confirmation.Reminder);
        Assert.Equal(["a1@example.com", "a2@example.com"], payloads.Where(p => p.Kind == AgentInvite).Select(p => p.Notification.Recipient.Email));
        var reminder = payloads.Single(p => p.Kind == Reminder).Notification;
        Assert.Equal((false, true), (reminder.Reminder.Email, reminder.Reminder.Sms));
    }

    [Fact]
    public void Links_escape_what_they_carry()
    {
        var booking = Booking(Now.AddHours(2));
        var odd = new Booking
        {
            Id = "bk/1", TenantId = "t", QueueId = "q", ScheduledTime = booking.ScheduledTime, VisitorName = "V",
            VisitorEmail = "v@example.com", VisitorPhone = "", PreferredLang = "en", CustomerToken = "a+b", AgentToken = "x",
            ManageToken = "m&n",
        };

        Assert.Equal("https://edge.example/rooms/bk%2F1?token=a%2Bb", Links.CustomerRoom(odd));
        Assert.Equal("https://edge.example/bookings/bk%2F1/ics?token=m%26n", Links.Calendar(odd));
    }

    [Fact]
    public void Every_message_carries_the_trace_of_the_change_that_wrote_it()
    {
        using var source = new System.Diagnostics.ActivitySource("VideoEngager.Tests.Planner");
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        using var request = source.StartActivity("CreateBooking")!;

        var messages = OutboxPlanner.ForCreated(Booking(Now.AddHours(2)), Setup(new QueueFlags()), Links, Now).ToList();

        Assert.All(messages, m => Assert.Equal(request.Id, m.TraceParent));
    }

    private static QueueSetup Setup(QueueFlags flags)
    {
        var queue = new Queue { TenantId = "t", Id = "q", Name = "VIP", TimeZone = "Asia/Dubai", IntervalMinutes = 30, Flags = flags };
        return new QueueSetup(0, queue, QueueCalendar.For(queue), Agents, new TenantSender("Demo Bank", "video@demo.example"));
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
