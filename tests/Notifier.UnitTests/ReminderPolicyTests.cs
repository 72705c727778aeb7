using Microsoft.Extensions.Time.Testing;
using VideoEngager.Notifier.Reminders;

namespace VideoEngager.Notifier.UnitTests;

public class ReminderPolicyTests
{
    private static readonly DateTimeOffset Scheduled = Bookings.Scheduled;
    private static readonly TimeSpan Offset = TimeSpan.FromMinutes(15);

    [Fact]
    public void Booked_well_ahead_is_due_offset_before_the_call()
    {
        var due = ReminderPolicy.DueAt(Scheduled, Offset, Scheduled.AddDays(-2), callStarted: false);

        Assert.Equal(Scheduled.AddMinutes(-15), due);
    }

    [Fact]
    public void Booked_inside_the_offset_before_the_start_is_due_at_once()
    {
        var now = Scheduled.AddMinutes(-5);

        Assert.Equal(now, ReminderPolicy.DueAt(Scheduled, Offset, now, callStarted: false));
    }

    [Fact]
    public void Booked_exactly_at_the_offset_is_due_at_once()
    {
        var now = Scheduled - Offset;

        Assert.Equal(now, ReminderPolicy.DueAt(Scheduled, Offset, now, callStarted: false));
    }

    [Fact]
    public void A_started_call_gets_no_reminder()
    {
        Assert.Null(ReminderPolicy.DueAt(Scheduled, Offset, Scheduled.AddMinutes(-5), callStarted: true));
    }

    [Fact]
    public void Past_the_start_time_there_is_no_reminder()
    {
        Assert.Null(ReminderPolicy.DueAt(Scheduled, Offset, Scheduled, callStarted: false));
        Assert.Null(ReminderPolicy.DueAt(Scheduled, Offset, Scheduled.AddMinutes(1), callStarted: false));
    }

    [Fact]
    public void A_reschedule_moves_the_reminder()
    {
        var now = Scheduled.AddDays(-1);
        var moved = Scheduled.AddHours(3);

        Assert.Equal(Scheduled.AddMinutes(-15), ReminderPolicy.DueAt(Scheduled, Offset, now, false));
        Assert.Equal(moved.AddMinutes(-15), ReminderPolicy.DueAt(moved, Offset, now, false));
    }

    [Fact]
    public void A_reschedule_into_the_offset_makes_it_due_at_once()
    {
        var now = Scheduled.AddHours(-1);
        var moved = now.AddMinutes(10);

        Assert.Equal(now, ReminderPolicy.DueAt(moved, Offset, now, false));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_non_positive_offset_turns_reminders_off(int minutes)
    {
        Assert.Null(ReminderPolicy.DueAt(Scheduled, minutes, Scheduled.AddDays(-1), false));
    }

    [Fact]
    public void No_tenant_offset_means_fifteen_minutes()
    {
        Assert.Equal(Scheduled.AddMinutes(-15), ReminderPolicy.DueAt(Scheduled, (int?)null, Scheduled.AddDays(-1), false));
    }

    [Fact]
    public void The_injected_clock_decides_whether_it_is_due_now()
    {
        var clock = new FakeTimeProvider(Scheduled.AddMinutes(-30));
        var policy = new ReminderPolicy(clock);

        Assert.False(policy.IsDueNow(Scheduled, 15, callStarted: false));
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.True(policy.IsDueNow(Scheduled, 15, callStarted: false));
        Assert.False(policy.IsDueNow(Scheduled, 15, callStarted: true));
        Assert.Equal(Scheduled.AddMinutes(-15), policy.DueAt(Scheduled, 15, callStarted: false));
    }
}
