using VideoEngager.Scheduling.V1;

namespace VideoEngager.Escalation.Availability;

/// <summary>A queue's calendar. Instants are UTC and serialize with a trailing <c>Z</c>.</summary>
public sealed record AvailabilityResponse(string QueueId, string TimeZone, int IntervalMinutes, IReadOnlyList<SlotResponse> Slots)
{
    /// <summary>Scheduling's columnar answer (docs/decisions/0004) as one record per slot.</summary>
    internal static AvailabilityResponse From(GetAvailabilityReply reply)
    {
        var interval = TimeSpan.FromMinutes(reply.IntervalMinutes);
        var columns = SlotColumns.Parser.ParseFrom(reply.Slots);
        var slots = new SlotResponse[columns.StepsMinutes.Count];
        var slotStart = DateTime.UnixEpoch.AddSeconds(columns.FirstStart);
        for (var i = 0; i < slots.Length; i++)
        {
            slotStart = slotStart.AddMinutes(columns.StepsMinutes[i]);
            slots[i] = new SlotResponse(slotStart, slotStart + interval, reply.Capacity, reply.Capacity - columns.Taken[i],
                columns.Statuses[i] switch
                {
                    SlotStatus.Open => "open",
                    SlotStatus.Full => "full",
                    _ => "closed",
                },
                columns.EstimatedWaitMinutes[i]);
        }
        return new AvailabilityResponse(reply.QueueId, reply.TimeZone, reply.IntervalMinutes, slots);
    }
}

/// <param name="Status"><c>open</c>, <c>full</c> or <c>closed</c>.</param>
public sealed record SlotResponse(
    DateTime Start, DateTime End, int Capacity, int Remaining, string Status, int EstimatedWaitMinutes);
