using NodaTime;

namespace VideoEngager.Scheduling.Availability;

public enum SlotState
{
    Open,
    Full,
    Closed,
}

/// <summary>One interval of a queue's calendar; capacity is counted per UTC start instant.</summary>
public sealed record CalendarSlot(
    Instant Start,
    Instant End,
    LocalDate Day,
    int Capacity,
    int Remaining,
    SlotState State,
    int EstimatedWaitMinutes);
