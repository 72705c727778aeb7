namespace VideoEngager.Notifications;

/// <summary>When a booking's reminder goes out: the one rule, used where reminders are planned and where they are sent.</summary>
public static class ReminderRule
{
    /// <summary>
    /// <paramref name="scheduledTime"/> − <paramref name="offsetMinutes"/>; <paramref name="now"/> when the booking was
    /// made (or moved) inside the offset; null when the call has started, or the offset is not positive (no reminder).
    /// </summary>
    public static DateTimeOffset? DueAt(DateTimeOffset scheduledTime, int offsetMinutes, DateTimeOffset now)
    {
        if (offsetMinutes <= 0 || HasStarted(scheduledTime, now))
        {
            return null;
        }
        var due = scheduledTime.AddMinutes(-offsetMinutes);
        return due > now ? due : now;
    }

    /// <summary>A reminder that comes due once the call has started (a backlog, a long outage) is not sent at all.</summary>
    public static bool HasStarted(DateTimeOffset scheduledTime, DateTimeOffset now) => scheduledTime <= now;
}
