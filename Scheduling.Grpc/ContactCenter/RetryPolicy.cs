using VideoEngager.Outbox;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>When a failed callback message is tried again, or whether it is given up. Pure.</summary>
internal static class RetryPolicy
{
    /// <summary>Added to Retry-After so that the next request cannot arrive a hair early by the platform's clock.</summary>
    internal static readonly TimeSpan RetryAfterMargin = TimeSpan.FromMilliseconds(100);

    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="jitter">A random number in [0, 1).</param>
    /// <returns>The next attempt's due time, or null to give up.</returns>
    public static DateTimeOffset? NextAttempt(ContactCenterException error, int attempt, DateTimeOffset now, DispatchOptions options, double jitter)
    {
        if (!error.Transient || attempt >= options.MaxAttempts)
        {
            return null;
        }
        // The platform said when: exactly then (plus a margin), neither sooner nor with our own growth on top.
        if (error.RetryAfter is { } retryAfter)
        {
            return now + Max(retryAfter, options.BaseDelay) + RetryAfterMargin;
        }
        return now + Backoff.Delay(attempt, options.BaseDelay, options.MaxDelay, jitter);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
