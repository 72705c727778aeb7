using VideoEngager.Admin.V1;

namespace VideoEngager.Escalation.Administration;

/// <summary>The contract's queue JSON to and from Scheduling's message; Scheduling validates it.</summary>
internal static class QueueMapping
{
    public static QueueConfig ToMessage(QueueDto dto, string? id)
    {
        var config = new QueueConfig
        {
            Id = id ?? "",
            Name = dto.Name ?? "",
            TimeZone = dto.TimeZone ?? "",
            IntervalMinutes = dto.IntervalMinutes ?? 30,
            Capacity = dto.Capacity ?? 1,
            MinNoticeMinutes = dto.MinNoticeMinutes ?? 0,
            BookingWindowDays = dto.BookingWindowDays ?? 14,
            AverageHandleMinutes = dto.AverageHandleMinutes ?? 15,
            Skills = { dto.Skills ?? [] },
            Priority = dto.Priority ?? 5,
            AgentGroupId = dto.AgentGroupId ?? "",
            Flags = new QueueFlagsMessage(),
        };
        foreach (var (day, ranges) in dto.WeeklyHours ?? new Dictionary<string, IReadOnlyList<HoursRangeDto>>())
        {
            config.WeeklyHours.Add(new DayHours { Day = day, Ranges = { (ranges ?? []).Select(ToMessage) } });
        }
        foreach (var dateOverride in dto.DateOverrides ?? [])
        {
            config.DateOverrides.Add(new DateOverrideMessage
            {
                Date = dateOverride.Date ?? "",
                Hours = { (dateOverride.Hours ?? []).Select(ToMessage) },
            });
        }
        if (dto.Flags is { } flags)
        {
            if (flags.SendCustomerEmail is { } send)
            {
                config.Flags.SendCustomerEmail = send;
            }
            if (flags.NotifyAgent is { } notify)
            {
                config.Flags.NotifyAgent = notify;
            }
            if (flags.ReminderOffsetMinutes is { } offset)
            {
                config.Flags.ReminderOffsetMinutes = offset;
            }
            if (flags.SmsReminders is { } sms)
            {
                config.Flags.SmsReminders = sms;
            }
            if (flags.Reminders is { } reminders)
            {
                if (reminders.Email is { } email)
                {
                    config.Flags.ReminderEmail = email;
                }
                if (reminders.Sms is { } reminderSms)
                {
                    config.Flags.SmsReminders = reminderSms;
                }
                if (reminders.OffsetMinutes is { } minutes)
                {
                    config.Flags.ReminderOffsetMinutes = minutes;
                }
            }
        }
        return config;
    }

    public static QueueDto ToDto(QueueConfig config) => new(
        config.Id,
        config.Name,
        config.TimeZone,
        config.WeeklyHours.ToDictionary(d => d.Day, d => (IReadOnlyList<HoursRangeDto>)[.. d.Ranges.Select(r => new HoursRangeDto(r.From, r.To))]),
        config.IntervalMinutes,
        config.Capacity,
        config.MinNoticeMinutes,
        config.BookingWindowDays,
        config.AverageHandleMinutes,
        [.. config.Skills],
        config.Priority,
        config.AgentGroupId.Length == 0 ? null : config.AgentGroupId,
        [.. config.DateOverrides.Select(o => new DateOverrideDto(o.Date, [.. o.Hours.Select(r => new HoursRangeDto(r.From, r.To))]))],
        new QueueFlagsDto(config.Flags.SendCustomerEmail, config.Flags.NotifyAgent, config.Flags.ReminderOffsetMinutes, config.Flags.SmsReminders,
            new ReminderFlagsDto(config.Flags.ReminderEmail, config.Flags.SmsReminders, config.Flags.ReminderOffsetMinutes)));

    private static HoursRange ToMessage(HoursRangeDto range) => new() { From = range.From ?? "", To = range.To ?? "" };
}
