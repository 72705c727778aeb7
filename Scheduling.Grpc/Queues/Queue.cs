namespace VideoEngager.Scheduling.Queues;

/// <summary>A tenant's queue: where bookings land and how its calendar is shaped.</summary>
public sealed class Queue
{
    public required string TenantId { get; init; }
    public required string Id { get; init; }
    public required string Name { get; set; }

    /// <summary>IANA time zone id, e.g. <c>Asia/Dubai</c>.</summary>
    public required string TimeZone { get; set; }

    public OpeningHours Hours { get; set; } = OpeningHours.Closed;
    public int IntervalMinutes { get; set; } = 30;
    public int Capacity { get; set; } = 1;
    public int MinNoticeMinutes { get; set; }
    public int BookingWindowDays { get; set; } = 14;
    public int AverageHandleMinutes { get; set; } = 15;
    public List<string> Skills { get; set; } = [];
    public int Priority { get; set; } = 5;
    public string? AgentGroupId { get; set; }
    public QueueFlags Flags { get; set; } = new();
}
