using NodaTime;

namespace VideoEngager.Scheduling.Availability;

public enum SlotCheck
{
    Bookable,
    NotOnSlotBoundary,
    InThePast,
    InsideMinimumNotice,
    BeyondBookingWindow,
    OutsideOpeningHours,
}

public static class SlotChecks
{
    /// <summary>Why <paramref name="start"/> can or cannot be booked at <paramref name="now"/>, seats aside.</summary>
    public static SlotCheck Check(QueueCalendar calendar, Instant start, Instant now)
    {
        var local = start.InZone(calendar.Zone).LocalDateTime;
        // The cell may belong to the previous day's grid when a range crosses midnight.
        CalendarSlot? cell = null;
        foreach (var day in new[] { local.Date, local.Date.PlusDays(-1) })
        {
            var match = AvailabilityCalculator.Compute(calendar, day, 1, now, NoneTaken).FirstOrDefault(s => s.Start == start);
            if (match is not null && (cell is null || match.State != SlotState.Closed))
            {
                cell = match;
            }
        }

        if (cell is null)
        {
            // A time on the interval's beat outside the calendar's grid is a closed hour, not a bad time.
            var onBeat = (local.Hour * 60 + local.Minute) % calendar.IntervalMinutes == 0 && local.Second == 0;
            return start <= now ? SlotCheck.InThePast
                : onBeat ? SlotCheck.OutsideOpeningHours
                : SlotCheck.NotOnSlotBoundary;
        }
        if (cell.State != SlotState.Closed)
        {
            return SlotCheck.Bookable;
        }
        if (start <= now)
        {
            return SlotCheck.InThePast;
        }
        if (start < now + calendar.MinNotice)
        {
            return SlotCheck.InsideMinimumNotice;
        }
        return cell.Day > now.InZone(calendar.Zone).Date.PlusDays(calendar.BookingWindowDays)
            ? SlotCheck.BeyondBookingWindow
            : SlotCheck.OutsideOpeningHours;
    }

    /// <param name="subject">How the message names the time: the field the caller sent it in.</param>
    public static string Describe(SlotCheck check, QueueCalendar calendar, string subject = "Scheduled time") => check switch
    {
        SlotCheck.NotOnSlotBoundary => $"{subject} must be the start of a {calendar.IntervalMinutes}-minute slot.",
        SlotCheck.InThePast => $"{subject} must be in the future.",
        SlotCheck.InsideMinimumNotice => $"{subject} must be at least {calendar.MinNotice.TotalMinutes:0} minutes from now.",
        SlotCheck.BeyondBookingWindow => $"{subject} must be within {calendar.BookingWindowDays} days.",
        SlotCheck.OutsideOpeningHours => $"{subject} is outside the queue's opening hours.",
        _ => "",
    };

    private static readonly IReadOnlyDictionary<Instant, int> NoneTaken = new Dictionary<Instant, int>();
}
