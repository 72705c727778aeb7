using NodaTime;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.Queues;

namespace VideoEngager.Scheduling.UnitTests.Availability;

/// <summary>Builds queue calendars for tests: every weekday open the same hours unless told otherwise.</summary>
internal static class CalendarBuilder
{
    public static TimeRange Range(int fromHour, int fromMinute, int toHour, int toMinute) =>
        new(new TimeOnly(fromHour, fromMinute), new TimeOnly(toHour, toMinute));

    public static QueueCalendar Create(
        string zone,
        IReadOnlyList<TimeRange> hours,
        IEnumerable<DayOfWeek>? openDays = null,
        int interval = 30,
        int capacity = 2,
        int minNoticeMinutes = 0,
        int windowDays = 365,
        int averageHandleMinutes = 15,
        IReadOnlyList<DateOverride>? overrides = null)
    {
        var weekly = (openDays ?? Enum.GetValues<DayOfWeek>())
            .ToDictionary(d => d, _ => hours);
        return new QueueCalendar(
            DateTimeZoneProviders.Tzdb[zone],
            new OpeningHours(weekly, overrides ?? []),
            interval,
            capacity,
            Duration.FromMinutes(minNoticeMinutes),
            windowDays,
            averageHandleMinutes);
    }

    public static Instant Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        Instant.FromUtc(year, month, day, hour, minute);

    public static readonly IReadOnlyDictionary<Instant, int> NoneTaken = new Dictionary<Instant, int>();
}
