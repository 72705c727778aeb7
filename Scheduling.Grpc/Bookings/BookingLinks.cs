using Microsoft.Extensions.Options;

namespace VideoEngager.Scheduling.Bookings;

/// <summary>
/// The links a booking hands out on the public edge, built here only: the create answer, the room, the callback's
/// data and every notification (through the outbox contract) take them from this one place.
/// </summary>
internal sealed class BookingLinks(string publicBaseUrl)
{
    private readonly string _baseUrl = publicBaseUrl.TrimEnd('/');

    public BookingLinks(IOptions<BookingOptions> options) : this(options.Value.PublicBaseUrl)
    {
    }

    public string CustomerRoom(Booking booking) => Link("rooms", booking.Id, null, booking.CustomerToken);

    /// <summary>The agent's room: in the callback's data and the agent invite, never to the visitor.</summary>
    public string AgentRoom(Booking booking) => Link("rooms", booking.Id, null, booking.AgentToken);

    public string Manage(Booking booking) => Link("bookings", booking.Id, null, booking.ManageToken);

    public string Calendar(Booking booking) => Link("bookings", booking.Id, "/ics", booking.ManageToken);

    public string Events(Booking booking) => Link("interactions", booking.Id, "/events", booking.ManageToken);

    private string Link(string area, string bookingId, string? tail, string token) =>
        $"{_baseUrl}/{area}/{Uri.EscapeDataString(bookingId)}{tail}?token={Uri.EscapeDataString(token)}";
}
