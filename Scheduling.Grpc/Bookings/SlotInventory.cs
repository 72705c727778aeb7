namespace VideoEngager.Scheduling.Bookings;

/// <summary>
/// Seats booked per slot. The final guard against overbooking: a booking increments its slot's row with
/// <c>booked &lt; capacity</c> in the same transaction that inserts it.
/// </summary>
public sealed class SlotInventory
{
    public required string TenantId { get; init; }
    public required string QueueId { get; init; }
    public DateTimeOffset SlotStart { get; init; }
    public int Booked { get; set; }
}
