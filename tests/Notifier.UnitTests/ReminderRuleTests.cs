using VideoEngager.Notifications;

namespace VideoEngager.Notifier.UnitTests;

public class ReminderRuleTests
{
    private static readonly DateTimeOffset Scheduled = Bookings.Scheduled;

    [Fact]
    public void Booked_well_ahead_is_due_offset_before_the_call() =>
        Assert.Equal(Scheduled.AddMinutes(-15), ReminderRule.DueAt(Scheduled, 15, Scheduled.AddDays(-2)));

    [Theory]
    [InlineData(-5)]
    [InlineData(-15)]
    public void Booked_inside_or_at_the_offset_before_the_start_is_due_at_once(int minutesBefore)
    {
        var now = Scheduled.AddMinutes(minutesBefore);

        Assert.Equal(now, ReminderRule.DueAt(Scheduled, 15, now));
    }

    [Fact]
    public void From_the_start_time_on_there_is_no_reminder()
    {
        Assert.Null(ReminderRule.DueAt(Scheduled, 15, Scheduled));
        Assert.Null(ReminderRule.DueAt(Scheduled, 15, Scheduled.AddMinutes(1)));
        Assert.True(ReminderRule.HasStarted(Scheduled, Scheduled));
        Assert.False(ReminderRule.HasStarted(Scheduled, Scheduled.AddTicks(-1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void An_offset_that_is_not_positive_means_no_reminder(int offset) =>
        Assert.Null(ReminderRule.DueAt(Scheduled, offset, Scheduled.AddDays(-1)));
}
