using NodaTime;

namespace VideoEngager.Scheduling.Availability;

/// <summary>
/// Lays out a queue's calendar: for each local day, every interval between the queue's earliest opening and latest
/// closing, each open, full or closed. Pure: the clock and the seats already taken are inputs.
/// </summary>
public static class AvailabilityCalculator
{
    private const int MinutesPerDay = 1440;

    /// <param name="taken">Seats taken per slot start: bookings plus other holders' live holds.</param>
    public static IReadOnlyList<CalendarSlot> Compute(
        QueueCalendar calendar,
        LocalDate firstDay,
        int days,
        Instant now,
        IReadOnlyDictionary<Instant, int> taken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var lastDay = firstDay.PlusDays(days - 1);
        if (!TryGetGridBounds(calendar, firstDay, lastDay, out var gridStart, out var gridEnd))
        {
            return [];
        }

        var today = now.InZone(calendar.Zone).Date;
        var lastBookableDay = today.PlusDays(calendar.BookingWindowDays);
        var earliestBookable = now + calendar.MinNotice;
        var interval = Duration.FromMinutes(calendar.IntervalMinutes);

        // Keyed by UTC start: a local time that occurs twice (DST fall-back) yields two slots, and a cell that two
        // days' grids share (an overnight range) yields one.
        var slots = new SortedDictionary<Instant, CalendarSlot>();
        for (var day = firstDay; day <= lastDay; day = day.PlusDays(1))
        {
            var ranges = calendar.Hours.On(day.ToDateOnly());
            for (var minute = gridStart; minute + calendar.IntervalMinutes <= gridEnd; minute += calendar.IntervalMinutes)
            {
                var cellEnd = minute + calendar.IntervalMinutes;
                var withinHours = ranges.Any(r => r.StartMinute <= minute && cellEnd <= r.EndMinute);
                var local = day.AtMidnight().PlusMinutes(minute);

                // A local time in a DST gap maps to nothing and gives no slot.
                var mapping = calendar.Zone.MapLocal(local);
                for (var i = 0; i < mapping.Count; i++)
                {
                    var start = (i == 0 ? mapping.First() : mapping.Last()).ToInstant();
                    var bookable = withinHours && start >= earliestBookable && day <= lastBookableDay;
                    var slot = Describe(calendar, start, start + interval, day, bookable, taken);
                    if (!slots.TryGetValue(start, out var existing) || existing.State == SlotState.Closed)
                    {
                        slots[start] = slot;
                    }
                }
            }
        }
        return [.. slots.Values];
    }

    private static CalendarSlot Describe(
        QueueCalendar calendar, Instant start, Instant end, LocalDate day, bool bookable,
        IReadOnlyDictionary<Instant, int> taken)
    {
        var seatsTaken = Math.Clamp(taken.GetValueOrDefault(start), 0, calendar.Capacity);
        var remaining = calendar.Capacity - seatsTaken;
        if (!bookable)
        {
            return new CalendarSlot(start, end, day, calendar.Capacity, remaining, SlotState.Closed, 0);
        }

        // Callbacks of one slot are offered together and agents pick them up as they free: with `taken` of
        // `capacity` seats already promised, a newcomer waits on average that share of one handle time.
        var wait = (int)Math.Ceiling((double)calendar.AverageHandleMinutes * seatsTaken / calendar.Capacity);
        var state = remaining > 0 ? SlotState.Open : SlotState.Full;
        return new CalendarSlot(start, end, day, calendar.Capacity, remaining, state, wait);
    }

    /// <summary>The span of the grid in minutes from midnight: the earliest opening and the latest closing.</summary>
    private static bool TryGetGridBounds(
        QueueCalendar calendar, LocalDate firstDay, LocalDate lastDay, out int start, out int end)
    {
        var ranges = calendar.Hours.Weekly.Values.SelectMany(r => r)
            .Concat(calendar.Hours.DateOverrides
                .Where(o => o.Date >= firstDay.ToDateOnly() && o.Date <= lastDay.ToDateOnly())
                .SelectMany(o => o.Hours))
            .ToList();
        start = ranges.Count == 0 ? 0 : ranges.Min(r => r.StartMinute);
        end = ranges.Count == 0 ? 0 : Math.Min(ranges.Max(r => r.EndMinute), start + MinutesPerDay * 2);
        return ranges.Count > 0;
    }
}
