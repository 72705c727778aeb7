using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;

namespace VideoEngager.Scheduling.Interactions;

/// <summary>Where a booking's video interaction stands, as the visitor's page shows it live.</summary>
public static class InteractionStatus
{
    public const string Scheduled = "scheduled";
    public const string Waiting = "waiting";
    public const string AgentJoined = "agent-joined";
    public const string Ended = "ended";
    public const string Failed = "failed";

    /// <param name="callback">The contact center's view of the callback, when it has one.</param>
    public static string Of(Booking booking, CallbackInfo? callback, DateTimeOffset now)
    {
        if (booking.Status == BookingStatus.Cancelled || callback is { Ended: true })
        {
            return Ended;
        }
        if (booking.CallbackStatus == CallbackStatus.Failed)
        {
            return Failed;
        }
        if (callback is { AgentConnected: true })
        {
            return AgentJoined;
        }
        return now >= booking.ScheduledTime ? Waiting : Scheduled;
    }
}
