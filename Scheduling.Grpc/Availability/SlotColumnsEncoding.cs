using Google.Protobuf;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Scheduling.Availability;

/// <summary>
/// Encodes a calendar into the wire's <see cref="SlotColumns"/>, once per computed answer (cached per change and second)
/// rather than once per reply.
/// </summary>
public static class SlotColumnsEncoding
{
    public static ByteString Encode(IReadOnlyList<CalendarSlot> slots, int capacity)
    {
        var columns = new SlotColumns { FirstStart = slots.Count == 0 ? 0 : slots[0].Start.ToUnixTimeSeconds() };
        var previous = slots.Count == 0 ? default : slots[0].Start;
        foreach (var slot in slots)
        {
            // Slot starts are local minutes in a zone whose offset is whole minutes, so every step is too.
            columns.StepsMinutes.Add((int)(slot.Start - previous).TotalMinutes);
            columns.Taken.Add(capacity - slot.Remaining);
            columns.Statuses.Add(slot.State switch
            {
                SlotState.Open => SlotStatus.Open,
                SlotState.Full => SlotStatus.Full,
                _ => SlotStatus.Closed,
            });
            columns.EstimatedWaitMinutes.Add(slot.EstimatedWaitMinutes);
            previous = slot.Start;
        }
        return columns.ToByteString();
    }
}
