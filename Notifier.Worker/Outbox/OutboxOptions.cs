using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Notifier.Outbox;

/// <summary>Section <c>Outbox</c>: how the worker claims, waits and retries notification jobs.</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// Fallback when a NOTIFY is missed (connection lost): the longest a due job waits. At most a minute: rows due
    /// further ahead are not announced (Scheduling's outbox trigger), so a poll must find them before they are due.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Jobs claimed together and sent over one SMTP connection.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Batches sent at once while a backlog lasts, each over its own SMTP connection (one while the outbox is quiet).
    /// </summary>
    [Range(1, 32)]
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// How long a claim keeps other workers off a job. A batch starts no message after half of it, so keep it above
    /// twice the SMTP timeout: the message in flight then ends inside the claim, or another worker could send it again
    /// (with the same Message-ID). Messages not started are retried.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts before a job is parked as failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return new ValidationResult(
                "Outbox:RetryMaxDelay must not be shorter than Outbox:RetryBaseDelay.", [nameof(RetryMaxDelay)]);
        }
    }
}
