using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Scheduling.Bookings;

/// <summary>Turns a booking into its gRPC answer, with the visitor's links on the public edge.</summary>
internal sealed class BookingReplies(IOptions<BookingOptions> options, TimeProvider clock)
{
    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    /// <param name="existing">A Start Video answered with the chat's live leg rather than a new one.</param>
    public BookingReply For(Booking booking, bool existing = false) => new()
    {
        BookingId = booking.Id,
        Status = booking.Status == BookingStatus.Cancelled ? "cancelled" : "confirmed",
        ScheduledTime = Timestamp.FromDateTimeOffset(booking.ScheduledTime),
        CallbackId = booking.CallbackId ?? "",
        CallbackStatus = booking.CallbackStatus.ToString().ToLowerInvariant(),
        CustomerUrl = $"{BaseUrl}/rooms/{booking.Id}?token={booking.CustomerToken}",
        IcsUrl = $"{BaseUrl}/bookings/{booking.Id}/ics?token={booking.ManageToken}",
        ManageUrl = $"{BaseUrl}/bookings/{booking.Id}?token={booking.ManageToken}",
        EventsUrl = $"{BaseUrl}/interactions/{booking.Id}/events?token={booking.ManageToken}",
        InteractionStatus = Interactions.InteractionStatus.Of(booking, callback: null, clock.GetUtcNow()),
        Existing = existing,
        AgentUrl = AgentUrl(booking),
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

    /// <summary>The agent's room link: it travels in the callback's data and the agent invite, never to the visitor.</summary>
    public string AgentUrl(Booking booking) => $"{BaseUrl}/rooms/{booking.Id}?token={booking.AgentToken}";
}
