using VideoEngager.Scheduling.Availability;
using static VideoEngager.Scheduling.UnitTests.Availability.CalendarBuilder;

namespace VideoEngager.Scheduling.UnitTests.Availability;

public sealed class SlotChecksTests
{
    private static readonly QueueCalendar Calendar =
        Create("Asia/Dubai", [Range(9, 0, 17, 0)], [DayOfWeek.Sunday, DayOfWeek.Monday], minNoticeMinutes: 60, windowDays: 7);

    // Sunday 2026-11-29 09:00 Dubai = 05:00Z; "now" is Sunday 08:30 Dubai, so notice runs to 09:30.
    private static readonly NodaTime.Instant Now = Utc(2026, 11, 29, 4, 30);

    [Theory]
    [InlineData(2026, 11, 29, 5, 30, SlotCheck.Bookable)]              // 09:30, exactly now + notice
    [InlineData(2026, 11, 29, 5, 0, SlotCheck.InsideMinimumNotice)]    // 09:00
    [InlineData(2026, 11, 29, 6, 10, SlotCheck.NotOnSlotBoundary)]
    [InlineData(2026, 11, 29, 2, 0, SlotCheck.InThePast)]
    [InlineData(2026, 11, 29, 13, 0, SlotCheck.OutsideOpeningHours)]   // 17:00, closing time
    [InlineData(2026, 11, 29, 12, 30, SlotCheck.Bookable)]             // 16:30, the last slot
    [InlineData(2026, 12, 4, 6, 0, SlotCheck.OutsideOpeningHours)]     // Friday
    [InlineData(2026, 12, 7, 6, 0, SlotCheck.BeyondBookingWindow)]     // Monday after the 7-day window
    public void Explains_why_a_time_can_or_cannot_be_booked(int y, int m, int d, int h, int min, SlotCheck expected) =>
        Assert.Equal(expected, SlotChecks.Check(Calendar, Utc(y, m, d, h, min), Now));

    [Fact]
    public void A_slot_after_midnight_of_an_overnight_range_is_bookable()
    {
        var overnight = Create("UTC", [Range(22, 0, 2, 0)], [DayOfWeek.Tuesday]);

        Assert.Equal(SlotCheck.Bookable, SlotChecks.Check(overnight, Utc(2026, 12, 2, 1, 30), Utc(2026, 11, 1)));
        Assert.Equal(SlotCheck.OutsideOpeningHours, SlotChecks.Check(overnight, Utc(2026, 12, 2, 2, 0), Utc(2026, 11, 1)));
    }
}
