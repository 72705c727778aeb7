using NodaTime;
using VideoEngager.Scheduling.Availability;
using static VideoEngager.Scheduling.UnitTests.Availability.CalendarBuilder;

namespace VideoEngager.Scheduling.UnitTests.Availability;

public sealed class AvailabilityCalculatorTests
{
    private static readonly DayOfWeek[] SundayToThursday =
        [DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];

    [Fact]
    public void Dubai_week_has_sixteen_cells_a_day_and_closes_friday_and_saturday()
    {
        var calendar = Create("Asia/Dubai", [Range(9, 0, 17, 0)], SundayToThursday);
        var sunday = new LocalDate(2026, 11, 29);

        var slots = AvailabilityCalculator.Compute(calendar, sunday, 7, Utc(2026, 11, 25), NoneTaken);

        Assert.Equal(7 * 16, slots.Count);
        Assert.All(slots.GroupBy(s => s.Day), day => Assert.Equal(16, day.Count()));
        Assert.Equal(Utc(2026, 11, 29, 5, 0), slots[0].Start); // 09:00 +04
        Assert.Equal(Utc(2026, 11, 29, 5, 30), slots[0].End);
        Assert.All(slots.Where(s => s.Day.DayOfWeek is IsoDayOfWeek.Friday or IsoDayOfWeek.Saturday),
            s => Assert.Equal(SlotState.Closed, s.State));
        Assert.All(slots.Where(s => s.Day.DayOfWeek is not (IsoDayOfWeek.Friday or IsoDayOfWeek.Saturday)),
            s => Assert.Equal(SlotState.Open, s.State));
    }

    [Fact]
    public void Spring_forward_gives_no_slot_for_a_local_time_that_does_not_exist()
    {
        var calendar = Create("America/New_York", [Range(0, 0, 5, 0)]);
        var springForward = new LocalDate(2027, 3, 14);

        var slots = AvailabilityCalculator.Compute(calendar, springForward, 1, Utc(2027, 1, 1), NoneTaken);

        // 00:00 .. 04:30 is ten cells; 02:00 and 02:30 do not exist that night.
        Assert.Equal(8, slots.Count);
        Assert.DoesNotContain(slots, s => s.Start.InZone(calendar.Zone).Hour == 2);
        Assert.Equal(Utc(2027, 3, 14, 6, 30), slots.Single(s => s.Start.InZone(calendar.Zone).Hour == 1 && s.Start.InZone(calendar.Zone).Minute == 30).Start);
        Assert.Equal(Utc(2027, 3, 14, 7, 0), slots.Single(s => s.Start.InZone(calendar.Zone).Hour == 3 && s.Start.InZone(calendar.Zone).Minute == 0).Start);
    }

    [Fact]
    public void Fall_back_gives_two_distinct_slots_for_a_local_time_that_occurs_twice()
    {
        var calendar = Create("America/New_York", [Range(0, 0, 3, 0)], capacity: 1);
        var fallBack = new LocalDate(2026, 11, 1);
        var firstOneThirty = Utc(2026, 11, 1, 5, 30);   // 01:30 EDT
        var secondOneThirty = Utc(2026, 11, 1, 6, 30);  // 01:30 EST
        var taken = new Dictionary<Instant, int> { [firstOneThirty] = 1 };

        var slots = AvailabilityCalculator.Compute(calendar, fallBack, 1, Utc(2026, 10, 1), taken);

        Assert.Equal(8, slots.Count); // six local cells, two of them twice
        Assert.Equal(slots.Count, slots.Select(s => s.Start).Distinct().Count());
        Assert.Equal(SlotState.Full, slots.Single(s => s.Start == firstOneThirty).State);
        Assert.Equal(SlotState.Open, slots.Single(s => s.Start == secondOneThirty).State);
        Assert.Equal(slots.OrderBy(s => s.Start).Select(s => s.Start), slots.Select(s => s.Start));
    }

    [Fact]
    public void Lord_Howe_half_hour_dst_skips_the_missing_half_hour()
    {
        // Australia/Lord_Howe moves its clocks by 30 minutes: 02:00 becomes 02:30 on 2026-10-04.
        var calendar = Create("Australia/Lord_Howe", [Range(1, 0, 4, 0)]);

        var slots = AvailabilityCalculator.Compute(calendar, new LocalDate(2026, 10, 4), 1, Utc(2026, 1, 1), NoneTaken);

        var localTimes = slots.Select(s => s.Start.InZone(calendar.Zone).TimeOfDay).ToList();
        Assert.DoesNotContain(new LocalTime(2, 0), localTimes);
        Assert.Equal(5, slots.Count);
    }

    [Theory]
    [InlineData("Asia/Kolkata", 3, 30)]     // +05:30
    [InlineData("Asia/Kathmandu", 3, 15)]   // +05:45
    public void Offset_zones_map_local_opening_to_the_right_utc_instant(string zone, int utcHour, int utcMinute)
    {
        var calendar = Create(zone, [Range(9, 0, 10, 0)]);

        var slots = AvailabilityCalculator.Compute(calendar, new LocalDate(2026, 12, 1), 1, Utc(2026, 11, 1), NoneTaken);

        Assert.Equal(2, slots.Count);
        Assert.Equal(Utc(2026, 12, 1, utcHour, utcMinute), slots[0].Start);
    }

    [Fact]
    public void Hours_crossing_midnight_belong_to_the_day_they_start()
    {
        var calendar = Create("Europe/London", [Range(22, 0, 2, 0)], [DayOfWeek.Tuesday]);
        var tuesday = new LocalDate(2026, 12, 1);

        var slots = AvailabilityCalculator.Compute(calendar, tuesday, 1, Utc(2026, 11, 1), NoneTaken);

        Assert.Equal(8, slots.Count);
        Assert.All(slots, s => Assert.Equal(SlotState.Open, s.State));
        Assert.Equal(Utc(2026, 12, 1, 22, 0), slots[0].Start);
        Assert.Equal(Utc(2026, 12, 2, 1, 30), slots[^1].Start);
    }

    [Fact]
    public void A_holiday_override_closes_the_day()
    {
        var holiday = new LocalDate(2026, 12, 2);
        var calendar = Create("Asia/Dubai", [Range(9, 0, 17, 0)],
            overrides: [new(holiday.ToDateOnly(), [])]);

        var slots = AvailabilityCalculator.Compute(calendar, holiday.PlusDays(-1), 3, Utc(2026, 11, 1), NoneTaken);

        Assert.All(slots.Where(s => s.Day == holiday), s => Assert.Equal(SlotState.Closed, s.State));
        Assert.All(slots.Where(s => s.Day != holiday), s => Assert.Equal(SlotState.Open, s.State));
    }

    [Fact]
    public void An_override_with_other_hours_replaces_the_weekly_hours()
    {
        var day = new LocalDate(2026, 12, 2);
        var calendar = Create("UTC", [Range(9, 0, 17, 0)], overrides: [new(day.ToDateOnly(), [Range(12, 0, 13, 0)])]);

        var slots = AvailabilityCalculator.Compute(calendar, day, 1, Utc(2026, 11, 1), NoneTaken);

        Assert.Equal([Utc(2026, 12, 2, 12, 0), Utc(2026, 12, 2, 12, 30)],
            slots.Where(s => s.State == SlotState.Open).Select(s => s.Start));
    }

    [Fact]
    public void Minimum_notice_closes_slots_before_now_plus_notice_and_keeps_the_one_exactly_at_it()
    {
        var calendar = Create("UTC", [Range(9, 0, 12, 0)], minNoticeMinutes: 60);
        var now = Utc(2026, 12, 1, 9, 0);

        var slots = AvailabilityCalculator.Compute(calendar, new LocalDate(2026, 12, 1), 1, now, NoneTaken);

        Assert.Equal(SlotState.Closed, slots.Single(s => s.Start == Utc(2026, 12, 1, 9, 30)).State);
        Assert.Equal(SlotState.Open, slots.Single(s => s.Start == Utc(2026, 12, 1, 10, 0)).State);
    }

    [Fact]
    public void Booking_window_closes_days_past_it()
    {
        var calendar = Create("UTC", [Range(9, 0, 10, 0)], windowDays: 2);
        var now = Utc(2026, 12, 1, 0, 0);

        var slots = AvailabilityCalculator.Compute(calendar, new LocalDate(2026, 12, 1), 4, now, NoneTaken);

        Assert.All(slots.Where(s => s.Day <= new LocalDate(2026, 12, 3)), s => Assert.Equal(SlotState.Open, s.State));
        Assert.All(slots.Where(s => s.Day > new LocalDate(2026, 12, 3)), s => Assert.Equal(SlotState.Closed, s.State));
    }

    [Fact]
    public void Last_slot_of_the_day_ends_at_closing()
    {
        var calendar = Create("UTC", [Range(9, 0, 17, 0)]);

        var slots = AvailabilityCalculator.Compute(calendar, new LocalDate(2026, 12, 1), 1, Utc(2026, 11, 1), NoneTaken);

        Assert.Equal(Utc(2026, 12, 1, 16, 30), slots[^1].Start);
        Assert.Equal(Utc(2026, 12, 1, 17, 0), slots[^1].End);
    }

    [Fact]
    public void Taken_seats_reduce_remaining_and_raise_the_wait_until_full()
    {
        var calendar = Create("UTC", [Range(9, 0, 10, 0)], capacity: 2, averageHandleMinutes: 20);
        var nine = Utc(2026, 12, 1, 9, 0);
        var nineThirty = Utc(2026, 12, 1, 9, 30);

        var slots = AvailabilityCalculator.Compute(calendar, new LocalDate(2026, 12, 1), 1, Utc(2026, 11, 1),
            new Dictionary<Instant, int> { [nine] = 1, [nineThirty] = 2 });

        var half = slots.Single(s => s.Start == nine);
        Assert.Equal((1, SlotState.Open, 10), (half.Remaining, half.State, half.EstimatedWaitMinutes));
        var full = slots.Single(s => s.Start == nineThirty);
        Assert.Equal((0, SlotState.Full), (full.Remaining, full.State));
    }

    [Fact]
    public void A_queue_with_no_hours_has_no_slots()
    {
        var calendar = Create("UTC", [], []);

        Assert.Empty(AvailabilityCalculator.Compute(calendar, new LocalDate(2026, 12, 1), 7, Utc(2026, 11, 1), NoneTaken));
    }
}
