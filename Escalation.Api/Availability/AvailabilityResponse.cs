namespace VideoEngager.Escalation.Availability;

/// <summary>A queue's calendar. Instants are UTC and serialize with a trailing <c>Z</c>.</summary>
public sealed record AvailabilityResponse(string QueueId, string TimeZone, int IntervalMinutes, IReadOnlyList<SlotResponse> Slots);

/// <param name="Status"><c>open</c>, <c>full</c> or <c>closed</c>.</param>
public sealed record SlotResponse(
    DateTime Start, DateTime End, int Capacity, int Remaining, string Status, int EstimatedWaitMinutes);
