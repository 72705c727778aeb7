using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>Section <c>ContactCenter</c>: how callbacks follow bookings out of the outbox.</summary>
public sealed class DispatchOptions
{
    public const string Section = "ContactCenter";

    /// <summary>How long a create request waits for its callback before answering without its id.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ShortBudget { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The poll for what no wake announces (another replica's leftovers, an expired lease).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After a wake, wait this long so the request that wrote the row may dispatch it itself.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan NotifyDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>A claimed message is someone else's to take over after this; longer than any one dispatch.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Transient failures are retried this many times in all before the callback is marked failed.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
