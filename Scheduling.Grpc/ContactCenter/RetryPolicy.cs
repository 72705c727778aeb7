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
        return now + Backoff(attempt, options.BaseDelay, options.MaxDelay, jitter);
    }

    /// <summary>base × 2^(attempt−1) capped at max, its upper half scaled by jitter: spacing grows, herds spread.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 40));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * Math.Clamp(jitter, 0, 1));
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
