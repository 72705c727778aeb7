namespace VideoEngager.Escalation.Administration;

public sealed record CreateTenantRequest(string? Id, string? Name, string? SenderEmail, IReadOnlyList<string>? AllowedOrigins);

public sealed record CreateTenantResponse(string Id, string WidgetKey);

public sealed record AgentDto(string? Name, string? Email);

public sealed record AgentGroupRequest(string? Id, IReadOnlyList<AgentDto>? Agents);

public sealed record AgentGroupResponse(string Id, int Agents);

public sealed record HoursRangeDto(string? From, string? To);

public sealed record DateOverrideDto(string? Date, IReadOnlyList<HoursRangeDto>? Hours);

/// <param name="Reminders">The reminder's channels and time; wins over <paramref name="ReminderOffsetMinutes"/> and
/// <paramref name="SmsReminders"/>, which are still accepted.</param>
public sealed record QueueFlagsDto(
    bool? SendCustomerEmail, bool? NotifyAgent, int? ReminderOffsetMinutes, bool? SmsReminders, ReminderFlagsDto? Reminders = null);

/// <param name="Email">A reminder e-mail, whatever <c>sendCustomerEmail</c> says (default on).</param>
/// <param name="OffsetMinutes">Minutes before the call; 0 turns reminders off.</param>
public sealed record ReminderFlagsDto(bool? Email, bool? Sms, int? OffsetMinutes);

/// <summary>A queue as in the public contract; <see cref="WeeklyHours"/> is keyed by day name (sunday..saturday).</summary>
public sealed record QueueDto(
    string? Id,
    string? Name,
    string? TimeZone,
    IReadOnlyDictionary<string, IReadOnlyList<HoursRangeDto>>? WeeklyHours,
    int? IntervalMinutes,
    int? Capacity,
    int? MinNoticeMinutes,
    int? BookingWindowDays,
    int? AverageHandleMinutes,
    IReadOnlyList<string>? Skills,
    int? Priority,
    string? AgentGroupId,
    IReadOnlyList<DateOverrideDto>? DateOverrides,
    QueueFlagsDto? Flags);

/// <param name="Secret">Shown once: only its hash is kept.</param>
public sealed record ApiSecretResponse(string Id, string Secret);
