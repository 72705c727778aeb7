using VideoEngager.Scheduling.Bookings;

namespace VideoEngager.Scheduling.Rooms;

public enum RoomParty
{
    Customer,
    Agent,
}

public enum RoomState
{
    Open,
    Early,
    Closed,
    Cancelled,
}

/// <summary>Who a room link lets in, and when: the rules behind every room page and signalling connection.</summary>
public static class RoomAccess
{
    /// <summary>
    /// The party whose token was presented, or null. Both tokens are always compared, each in constant time, so the
    /// answer's timing says neither which token nor how much of one matched.
    /// </summary>
    public static RoomParty? PartyOf(Booking booking, string? token)
    {
        var customer = AccessToken.Matches(booking.CustomerToken, token);
        var agent = AccessToken.Matches(booking.AgentToken, token);
        return customer ? RoomParty.Customer : agent ? RoomParty.Agent : null;
    }

    /// <summary>An escalation's room opens at once; a scheduled one <see cref="RoomOptions.OpensBefore"/> its time.</summary>
    public static DateTimeOffset OpensAt(Booking booking, RoomOptions options) =>
        booking.Immediate ? booking.CreatedAt : booking.ScheduledTime - options.OpensBefore;

    public static DateTimeOffset ClosesAt(Booking booking, RoomOptions options) =>
        booking.ScheduledTime + options.ClosesAfter;

    public static RoomState StateAt(Booking booking, RoomOptions options, DateTimeOffset now) =>
        booking.Status == BookingStatus.Cancelled ? RoomState.Cancelled
        : now < OpensAt(booking, options) ? RoomState.Early
        : now >= ClosesAt(booking, options) ? RoomState.Closed
        : RoomState.Open;

    public static string Name(this RoomParty party) => party == RoomParty.Customer ? "customer" : "agent";

    public static string Name(this RoomState state) => state.ToString().ToLowerInvariant();
}
