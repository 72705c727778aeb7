using NodaTime;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.V1;
using static VideoEngager.Scheduling.UnitTests.Availability.CalendarBuilder;

namespace VideoEngager.Scheduling.UnitTests.Availability;

public sealed class SlotColumnsEncodingTests
{
    [Fact]
    public void Steps_rebuild_every_start_across_the_fall_back_hour_and_taken_seats_rebuild_remaining()
    {
        var calendar = Create("America/New_York", [Range(0, 0, 3, 0)], capacity: 2);
        var fallBack = new LocalDate(2026, 11, 1);
        var taken = new Dictionary<Instant, int> { [Utc(2026, 11, 1, 5, 30)] = 1, [Utc(2026, 11, 1, 6, 0)] = 2 };
        var slots = AvailabilityCalculator.Compute(calendar, fallBack, 2, Utc(2026, 10, 1), taken);

        var columns = SlotColumns.Parser.ParseFrom(SlotColumnsEncoding.Encode(slots, capacity: 2));

        Assert.Equal(slots.Count, columns.StepsMinutes.Count);
        var start = Instant.FromUnixTimeSeconds(columns.FirstStart);
        for (var i = 0; i < slots.Count; i++)
        {
            start += Duration.FromMinutes(columns.StepsMinutes[i]);
            Assert.Equal(slots[i].Start, start);
            Assert.Equal(slots[i].Remaining, 2 - columns.Taken[i]);
            Assert.Equal(slots[i].EstimatedWaitMinutes, columns.EstimatedWaitMinutes[i]);
        }
        Assert.Equal(0, columns.StepsMinutes[0]);
        Assert.Contains(columns.StepsMinutes, step => step > 30); // the jump over the closed hours to the next night
        Assert.Equal(SlotStatus.Full, columns.Statuses[slots.ToList().FindIndex(s => s.Start == Utc(2026, 11, 1, 6, 0))]);
    }

    [Fact]
    public void An_empty_calendar_encodes_to_no_slots()
    {
        var columns = SlotColumns.Parser.ParseFrom(SlotColumnsEncoding.Encode([], capacity: 3));

        Assert.Empty(columns.StepsMinutes);
    }
}
