namespace VideoEngager.Notifier.Reminders;

/// <summary>When a booking's reminder is due. Pure: the same inputs always give the same answer.</summary>
public sealed class ReminderPolicy(TimeProvider timeProvider)
{
    public static readonly TimeSpan DefaultOffset = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The reminder's due time at <paramref name="scheduledTime"/> − <paramref name="offset"/>; <paramref name="now"/>
    /// when the booking was made (or moved) inside the offset and the call has not started; null when the call has
    /// started (or its start has passed) or the offset is not positive (reminders off).
    /// </summary>
    /// <remarks>
    /// Call it again when a claimed reminder comes due, with the booking's current time: a reschedule moves the answer,
    /// and a call that started meanwhile turns it into null.
    /// </remarks>
    public static DateTimeOffset? DueAt(DateTimeOffset scheduledTime, TimeSpan offset, DateTimeOffset now, bool callStarted)
    {
        if (callStarted || offset <= TimeSpan.Zero || now >= scheduledTime)
        {
            return null;
        }
        var due = scheduledTime - offset;
        return due > now ? due : now;
    }

    /// <param name="offsetMinutes">The tenant's <c>reminderOffsetMinutes</c>; null means the default (15).</param>
    public static DateTimeOffset? DueAt(DateTimeOffset scheduledTime, int? offsetMinutes, DateTimeOffset now, bool callStarted) =>
        DueAt(scheduledTime, offsetMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : DefaultOffset, now, callStarted);

    public DateTimeOffset? DueAt(DateTimeOffset scheduledTime, int? offsetMinutes, bool callStarted) =>
        DueAt(scheduledTime, offsetMinutes, timeProvider.GetUtcNow(), callStarted);

    /// <summary>True when a reminder should go out now (claimed job, current booking state).</summary>
    public bool IsDueNow(DateTimeOffset scheduledTime, int? offsetMinutes, bool callStarted)
    {
        var now = timeProvider.GetUtcNow();
        return DueAt(scheduledTime, offsetMinutes, now, callStarted) is { } due && due <= now;
    }
}
