using Microsoft.Extensions.Time.Testing;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;
using VideoEngager.Scheduling.Interactions;
using VideoEngager.Scheduling.Rooms;

namespace VideoEngager.Scheduling.UnitTests.Rooms;

public sealed class RoomAccessTests
{
    private static readonly DateTimeOffset Slot = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);
    private static readonly RoomOptions Rules = new(); // opens 10 min before, closes 2 h after

    private static Booking Scheduled(BookingStatus status = BookingStatus.Confirmed, bool immediate = false, DateTimeOffset? created = null) => new()
    {
        Id = "bk_1", TenantId = "t", QueueId = "q", Status = status, Immediate = immediate, ScheduledTime = Slot,
        VisitorName = "Fatima", VisitorEmail = "f@example.com", VisitorPhone = "+971501234567", PreferredLang = "ar",
        CustomerToken = "customer-token", AgentToken = "agent-token", ManageToken = "manage-token",
        CreatedAt = created ?? Slot.AddDays(-2),
    };

    [Theory]
    [InlineData(-60, RoomState.Early)]
    [InlineData(-11, RoomState.Early)]
    [InlineData(-10, RoomState.Open)]
    [InlineData(0, RoomState.Open)]
    [InlineData(119, RoomState.Open)]
    [InlineData(120, RoomState.Closed)]
    [InlineData(600, RoomState.Closed)]
    public void A_scheduled_room_opens_ten_minutes_early_and_closes_two_hours_after(int minutesFromSlot, RoomState expected)
    {
        var clock = new FakeTimeProvider(Slot.AddMinutes(minutesFromSlot));
        Assert.Equal(expected, RoomAccess.StateAt(Scheduled(), Rules, clock.GetUtcNow()));
    }

    [Fact]
    public void The_window_follows_the_configured_options()
    {
        var rules = new RoomOptions { OpensBefore = TimeSpan.FromMinutes(30), ClosesAfter = TimeSpan.FromMinutes(45) };
        Assert.Equal(RoomState.Open, RoomAccess.StateAt(Scheduled(), rules, Slot.AddMinutes(-30)));
        Assert.Equal(RoomState.Early, RoomAccess.StateAt(Scheduled(), rules, Slot.AddMinutes(-31)));
        Assert.Equal(RoomState.Closed, RoomAccess.StateAt(Scheduled(), rules, Slot.AddMinutes(45)));
    }

    [Fact]
    public void An_escalation_room_is_open_from_its_creation()
    {
        var booking = Scheduled(immediate: true, created: Slot);
        Assert.Equal(RoomState.Open, RoomAccess.StateAt(booking, Rules, Slot));
        Assert.Equal(RoomState.Open, RoomAccess.StateAt(booking, Rules, Slot.AddMinutes(90)));
        Assert.Equal(RoomState.Closed, RoomAccess.StateAt(booking, Rules, Slot.AddHours(2)));
    }

    [Fact]
    public void A_cancelled_booking_room_is_cancelled_at_any_time()
    {
        var booking = Scheduled(BookingStatus.Cancelled);
        Assert.Equal(RoomState.Cancelled, RoomAccess.StateAt(booking, Rules, Slot.AddMinutes(-60)));
        Assert.Equal(RoomState.Cancelled, RoomAccess.StateAt(booking, Rules, Slot));
    }

    [Theory]
    [InlineData("customer-token", RoomParty.Customer)]
    [InlineData("agent-token", RoomParty.Agent)]
    public void The_token_decides_the_party(string token, RoomParty expected) =>
        Assert.Equal(expected, RoomAccess.PartyOf(Scheduled(), token));

    [Theory]
    [InlineData("manage-token")]
    [InlineData("customer-toke")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_token_is_no_party(string? token) => Assert.Null(RoomAccess.PartyOf(Scheduled(), token));

    [Fact]
    public void The_agent_in_the_room_has_joined_even_when_the_callback_failed()
    {
        var booking = Scheduled();
        booking.CallbackStatus = CallbackStatus.Failed;
        Assert.Equal(InteractionStatus.Failed, InteractionStatus.Of(booking, null, Slot));
        booking.AgentJoinedAt = Slot;
        Assert.Equal(InteractionStatus.AgentJoined, InteractionStatus.Of(booking, null, Slot));
    }

    [Fact]
    public void The_platform_ending_the_callback_ends_it_though_the_agent_never_hung_up_in_the_room()
    {
        var booking = Scheduled();
        booking.AgentJoinedAt = Slot;
        var ended = new CallbackInfo("c1", "q", Slot, Ended: true, new Dictionary<string, string>());
        Assert.Equal(InteractionStatus.Ended, InteractionStatus.Of(booking, ended, Slot.AddMinutes(30)));
    }

    [Fact]
    public void A_hang_up_after_both_joined_ends_the_interaction_and_a_rejoin_does_not_before_it()
    {
        var booking = Scheduled();
        booking.CustomerJoinedAt = Slot;
        booking.CustomerLeftAt = Slot.AddMinutes(1); // left before the agent came: still waiting
        Assert.Equal(InteractionStatus.Waiting, InteractionStatus.Of(booking, null, Slot.AddMinutes(2)));

        booking.CustomerLeftAt = null;
        booking.CustomerJoinedAt = Slot.AddMinutes(2);
        booking.AgentJoinedAt = Slot.AddMinutes(3);
        Assert.Equal(InteractionStatus.AgentJoined, InteractionStatus.Of(booking, null, Slot.AddMinutes(4)));

        booking.AgentLeftAt = Slot.AddMinutes(20);
        Assert.Equal(InteractionStatus.Ended, InteractionStatus.Of(booking, null, Slot.AddMinutes(21)));
    }
}
