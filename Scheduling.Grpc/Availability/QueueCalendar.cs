using NodaTime;
using VideoEngager.Scheduling.Queues;

namespace VideoEngager.Scheduling.Availability;

/// <summary>The parts of a queue's configuration that shape its calendar, in NodaTime terms.</summary>
public sealed record QueueCalendar(
    DateTimeZone Zone,
    OpeningHours Hours,
    int IntervalMinutes,
    int Capacity,
    Duration MinNotice,
    int BookingWindowDays,
    int AverageHandleMinutes)
{
    public static QueueCalendar For(Queue queue) => new(
        DateTimeZoneProviders.Tzdb[queue.TimeZone],
        queue.Hours,
        queue.IntervalMinutes,
        queue.Capacity,
        Duration.FromMinutes(queue.MinNoticeMinutes),
        queue.BookingWindowDays,
        queue.AverageHandleMinutes);
}
