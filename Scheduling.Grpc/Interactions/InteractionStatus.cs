using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;

namespace VideoEngager.Scheduling.Interactions;

/// <summary>Where a booking's video interaction stands, as the visitor's page shows it live.</summary>
public static class InteractionStatus
{
    public const string Scheduled = "scheduled";
    public const string Waiting = "waiting";
    public const string Offered = "offered";
    public const string AgentJoined = "agent-joined";
    public const string Ended = "ended";
    public const string Failed = "failed";

    /// <param name="callback">The contact center's view of the callback, when it has one.</param>
    /// <remarks>
    /// The room's presence outranks a platform failure: an agent in the room has joined even when the platform's callback
    /// failed. A hang-up by either party after both had joined ends the interaction (a reload is not a hang-up), as does
    /// the platform ending the callback (an agent who closed the room's tab never hangs up).
    /// </remarks>
    public static string Of(Booking booking, CallbackInfo? callback, DateTimeOffset now)
    {
        if (booking.Status == BookingStatus.Cancelled || CallEnded(booking) || callback is { Ended: true })
        {
            return Ended;
        }
        if (booking is { AgentJoinedAt: not null, AgentLeftAt: null })
        {
            return AgentJoined;
        }
        if (booking.CallbackStatus == CallbackStatus.Failed)
        {
            return Failed;
        }
        if (callback is { AgentConnected: true })
        {
            return AgentJoined;
        }
        if (callback is { Offered: true })
        {
            return Offered;
        }
        return now >= booking.ScheduledTime ? Waiting : Scheduled;
    }

    private static bool CallEnded(Booking booking)
    {
        if (booking is not { CustomerJoinedAt: { } customerJoined, AgentJoinedAt: { } agentJoined })
        {
            return false;
        }
        var bothIn = customerJoined > agentJoined ? customerJoined : agentJoined;
        return booking.CustomerLeftAt >= bothIn || booking.AgentLeftAt >= bothIn;
    }
}
