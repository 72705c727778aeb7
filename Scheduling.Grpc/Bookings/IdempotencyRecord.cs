namespace VideoEngager.Scheduling.Bookings;

/// <summary>The first booking made with a client's <c>Idempotency-Key</c>, and a hash of the request that made it.</summary>
public sealed class IdempotencyRecord
{
    public required string TenantId { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public required string BookingId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
