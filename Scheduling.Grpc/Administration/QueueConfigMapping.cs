using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using VideoEngager.Admin.V1;
using VideoEngager.Scheduling.Queues;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.Administration;

/// <summary>Validates a queue's configuration and maps it between the wire and the domain.</summary>
internal static partial class QueueConfigMapping
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    public static partial Regex IdPattern();

    public static void CheckId(string id, FieldViolations violations)
    {
        if (!IdPattern().IsMatch(id))
        {
            violations.Add("id", "An id is 1 to 64 letters, digits, '.', '_' or '-'.");
        }
    }

    public static void Validate(QueueConfig config, FieldViolations violations)
    {
        CheckId(config.Id, violations);
        if (config.Name.Trim().Length is 0 or > 200)
        {
            violations.Add("name", "Name must be 1 to 200 characters.");
        }
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(config.TimeZone) is null)
        {
            violations.Add("timeZone", "Time zone must be an IANA zone id such as 'Asia/Dubai'.");
        }
        foreach (var day in config.WeeklyHours)
        {
            if (!Enum.TryParse<DayOfWeek>(day.Day, ignoreCase: true, out _) || int.TryParse(day.Day, CultureInfo.InvariantCulture, out _))
            {
                violations.Add($"weeklyHours.{day.Day}", "Days are sunday to saturday.");
            }
            CheckRanges(day.Ranges, $"weeklyHours.{day.Day}", violations);
        }
        foreach (var (dateOverride, i) in config.DateOverrides.Select((o, i) => (o, i)))
        {
            if (!DateOnly.TryParseExact(dateOverride.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                violations.Add($"dateOverrides[{i}].date", "A date is yyyy-MM-dd.");
            }
            CheckRanges(dateOverride.Hours, $"dateOverrides[{i}].hours", violations);
        }
        CheckRange(config.IntervalMinutes, 5, 240, "intervalMinutes", violations);
        CheckRange(config.Capacity, 1, 1000, "capacity", violations);
        CheckRange(config.MinNoticeMinutes, 0, 10080, "minNoticeMinutes", violations);
        CheckRange(config.BookingWindowDays, 1, 365, "bookingWindowDays", violations);
        CheckRange(config.AverageHandleMinutes, 1, 480, "averageHandleMinutes", violations);
        CheckRange(config.Priority, 0, 100, "priority", violations);
        if (config.Flags is { HasReminderOffsetMinutes: true } flags)
        {
            CheckRange(flags.ReminderOffsetMinutes, 0, 1440, "flags.reminderOffsetMinutes", violations);
        }
        if (config.Skills.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 64))
        {
            violations.Add("skills", "A skill is a name of 1 to 64 characters.");
        }
    }

    public static void Apply(QueueConfig config, Queue queue)
    {
        queue.Name = config.Name.Trim();
        queue.TimeZone = config.TimeZone;
        queue.Hours = new OpeningHours(
            config.WeeklyHours.ToDictionary(
                d => Enum.Parse<DayOfWeek>(d.Day, ignoreCase: true),
                d => (IReadOnlyList<TimeRange>)[.. d.Ranges.Select(ToRange)]),
            [.. config.DateOverrides.Select(o => new DateOverride(
                DateOnly.ParseExact(o.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                [.. o.Hours.Select(ToRange)]))]);
        queue.IntervalMinutes = config.IntervalMinutes;
        queue.Capacity = config.Capacity;
        queue.MinNoticeMinutes = config.MinNoticeMinutes;
        queue.BookingWindowDays = config.BookingWindowDays;
        queue.AverageHandleMinutes = config.AverageHandleMinutes;
        queue.Skills = [.. config.Skills];
        queue.Priority = config.Priority;
        queue.AgentGroupId = string.IsNullOrEmpty(config.AgentGroupId) ? null : config.AgentGroupId;
        var flags = config.Flags ?? new QueueFlagsMessage();
        queue.Flags = new Queues.QueueFlags
        {
            SendCustomerEmail = !flags.HasSendCustomerEmail || flags.SendCustomerEmail,
            NotifyAgent = !flags.HasNotifyAgent || flags.NotifyAgent,
            ReminderOffsetMinutes = flags.HasReminderOffsetMinutes ? flags.ReminderOffsetMinutes : 15,
            SmsReminders = flags.HasSmsReminders && flags.SmsReminders,
            ReminderEmail = !flags.HasReminderEmail || flags.ReminderEmail,
        };
    }

    public static QueueConfig ToMessage(Queue queue)
    {
        var config = new QueueConfig
        {
            Id = queue.Id,
            Name = queue.Name,
            TimeZone = queue.TimeZone,
            IntervalMinutes = queue.IntervalMinutes,
            Capacity = queue.Capacity,
            MinNoticeMinutes = queue.MinNoticeMinutes,
            BookingWindowDays = queue.BookingWindowDays,
            AverageHandleMinutes = queue.AverageHandleMinutes,
            Skills = { queue.Skills },
            Priority = queue.Priority,
            AgentGroupId = queue.AgentGroupId ?? "",
            Flags = new QueueFlagsMessage
            {
                SendCustomerEmail = queue.Flags.SendCustomerEmail,
                NotifyAgent = queue.Flags.NotifyAgent,
                ReminderOffsetMinutes = queue.Flags.ReminderOffsetMinutes,
                SmsReminders = queue.Flags.SmsReminders,
                ReminderEmail = queue.Flags.ReminderEmail,
            },
        };
        foreach (var (day, ranges) in queue.Hours.Weekly.OrderBy(d => d.Key))
        {
            config.WeeklyHours.Add(new DayHours { Day = day.ToString().ToLowerInvariant(), Ranges = { ranges.Select(ToMessage) } });
        }
        foreach (var dateOverride in queue.Hours.DateOverrides)
        {
            config.DateOverrides.Add(new DateOverrideMessage
            {
                Date = dateOverride.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Hours = { dateOverride.Hours.Select(ToMessage) },
            });
        }
        return config;
    }

    private static void CheckRanges(IEnumerable<HoursRange> ranges, string field, FieldViolations violations)
    {
        foreach (var range in ranges)
        {
            if (!TryParseTime(range.From, out _) || !TryParseTime(range.To, out _))
            {
                violations.Add(field, "Hours are ranges of HH:mm times, e.g. { \"from\": \"09:00\", \"to\": \"17:00\" }.");
                return;
            }
        }
    }

    private static void CheckRange(int value, int min, int max, string field, FieldViolations violations)
    {
        if (value < min || value > max)
        {
            violations.Add(field, $"Must be between {min} and {max}.");
        }
    }

    private static bool TryParseTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static TimeRange ToRange(HoursRange range) => new(
        TimeOnly.ParseExact(range.From, "HH:mm", CultureInfo.InvariantCulture),
        TimeOnly.ParseExact(range.To, "HH:mm", CultureInfo.InvariantCulture));

    private static HoursRange ToMessage(TimeRange range) => new()
    {
        From = range.From.ToString("HH:mm", CultureInfo.InvariantCulture),
        To = range.To.ToString("HH:mm", CultureInfo.InvariantCulture),
    };
}
