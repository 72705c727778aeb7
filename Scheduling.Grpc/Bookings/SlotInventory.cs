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

    /// <summary>
    /// The guard itself: takes one seat of slot <c>@scheduled_time</c> while fewer than <c>@seat_limit</c> are booked
    /// (none when <c>@takes_seat</c> is false) and returns a row only when it did. The slot row's lock makes it atomic.
    /// </summary>
    internal const string TakeSeatSql = """
        INSERT INTO slot_inventory AS i (tenant_id, queue_id, slot_start, booked)
        SELECT @tenant_id, @queue_id, @scheduled_time, 1 WHERE @takes_seat
        ON CONFLICT (tenant_id, queue_id, slot_start)
        DO UPDATE SET booked = i.booked + 1 WHERE i.booked < @seat_limit
        RETURNING 1 AS "Value"
        """;
}
