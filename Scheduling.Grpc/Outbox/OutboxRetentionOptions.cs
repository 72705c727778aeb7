using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Scheduling.Outbox;

/// <summary>Section <c>OutboxRetention</c>: how long settled outbox messages are kept for inspection.</summary>
public sealed class OutboxRetentionOptions
{
    public const string Section = "OutboxRetention";

    /// <summary>A sent, skipped or parked message is deleted this long after it was written.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan Keep { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often old messages are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement, so a large backlog never holds locks for long.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1_000;
}
