using VideoEngager.Notifier.Outbox;

namespace VideoEngager.Notifier.UnitTests;

public class BookingStatesTests
{
    [Fact]
    public void Links_point_at_the_public_edge_with_each_party_s_own_token()
    {
        var snapshot = OutboxRows.State(OutboxRows.Booking()).Snapshot;

        Assert.Equal("https://edge.example/rooms/bk-123?token=cust-tok", snapshot.CustomerUrl);
        Assert.Equal("https://edge.example/rooms/bk-123?token=agent-tok", snapshot.AgentUrl);
        Assert.Equal("https://edge.example/bookings/bk-123?token=manage-tok", snapshot.ManageUrl);
    }

    [Fact]
    public void Maps_the_booking_the_queue_and_the_tenant()
    {
        var snapshot = OutboxRows.State(OutboxRows.Booking(sequence: 2)).Snapshot;

        Assert.Equal(("bk-123", "demo", "Demo Bank", "appointments@demo-bank.example"),
            (snapshot.BookingId, snapshot.TenantId, snapshot.TenantName, snapshot.SenderEmail));
        Assert.Equal(("VIP video", "Asia/Dubai", 30), (snapshot.QueueName, snapshot.TimeZone, snapshot.DurationMinutes));
        Assert.Equal((OutboxRows.Scheduled, 2, false), (snapshot.ScheduledTime, snapshot.Sequence, snapshot.Cancelled));
        Assert.Equal(("Layla Haddad", "layla.haddad@example.com", "+971501234567", "ar"),
            (snapshot.VisitorName, snapshot.VisitorEmail, snapshot.VisitorPhone, snapshot.PreferredLang));
    }

    [Fact]
    public void A_cancelled_status_and_an_empty_phone_are_recognised()
    {
        var snapshot = OutboxRows.State(OutboxRows.Booking(status: "Cancelled", phone: "")).Snapshot;

        Assert.True(snapshot.Cancelled);
        Assert.Null(snapshot.VisitorPhone);
    }

    [Fact]
    public void Reads_camel_case_flags_and_agents()
    {
        var state = OutboxRows.State(OutboxRows.Booking(
            flags: """{"sendCustomerEmail":false,"notifyAgent":true,"reminderOffsetMinutes":5,"smsReminders":true}"""));

        Assert.Equal(new(false, true, 5, true), state.Flags);
        var agent = Assert.Single(state.Agents);
        Assert.Equal(("Omar Farouk", "omar.farouk@demo-bank.example"), (agent.Name, agent.Email));
    }

    [Fact]
    public void Missing_flags_take_the_defaults_and_a_queue_without_a_group_has_no_agents()
    {
        var state = OutboxRows.State(OutboxRows.Booking(flags: "{}", agents: null));

        Assert.Equal((true, true, null, false),
            (state.Flags.SendCustomerEmail, state.Flags.NotifyAgent, state.Flags.ReminderOffsetMinutes, state.Flags.SmsReminders));
        Assert.Empty(state.Agents);
    }
}
