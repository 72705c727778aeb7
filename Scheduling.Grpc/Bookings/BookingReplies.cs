using Google.Protobuf.WellKnownTypes;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Scheduling.Bookings;

/// <summary>Turns a booking into its gRPC answer, with the visitor's links on the public edge.</summary>
internal sealed class BookingReplies(BookingLinks links, TimeProvider clock)
{
    /// <param name="existing">A Start Video answered with the chat's live leg rather than a new one.</param>
    /// <param name="queueName">The queue's display name, where the caller has the queue at hand.</param>
    public BookingReply For(Booking booking, bool existing = false, string queueName = "") => new()
    {
        QueueName = queueName,
        BookingId = booking.Id,
        Status = booking.Status == BookingStatus.Cancelled ? "cancelled" : "confirmed",
        ScheduledTime = Timestamp.FromDateTimeOffset(booking.ScheduledTime),
        CallbackId = booking.CallbackId ?? "",
        CallbackStatus = booking.CallbackStatus.ToString().ToLowerInvariant(),
        CustomerUrl = links.CustomerRoom(booking),
        IcsUrl = links.Calendar(booking),
        ManageUrl = links.Manage(booking),
        EventsUrl = links.Events(booking),
        InteractionStatus = Interactions.InteractionStatus.Of(booking, callback: null, clock.GetUtcNow()),
        Existing = existing,
        AgentUrl = links.AgentRoom(booking),
        Attributes = { booking.Attributes },
        QueueId = booking.QueueId,
        Sequence = booking.Sequence,
        Immediate = booking.Immediate,
        CallbackError = booking.CallbackError ?? "",
        Presence = PresenceOf(booking),
        TenantId = booking.TenantId,
        PreferredLang = booking.PreferredLang,
    };

    public static Presence PresenceOf(Booking booking) => new()
    {
        CustomerJoinedAt = Stamp(booking.CustomerJoinedAt),
        CustomerLeftAt = Stamp(booking.CustomerLeftAt),
        AgentJoinedAt = Stamp(booking.AgentJoinedAt),
        AgentLeftAt = Stamp(booking.AgentLeftAt),
    };

    private static Timestamp? Stamp(DateTimeOffset? instant) =>
        instant is { } value ? Timestamp.FromDateTimeOffset(value) : null;
}
