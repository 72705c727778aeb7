namespace VideoEngager.Outbox;

/// <summary>How long a failed outbox job (a mail, a callback) or a failing loop waits before its next attempt.</summary>
public static class Backoff
{
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="jitter">A random number in [0, 1).</param>
    /// <returns>
    /// base × 2^(attempt−1), capped at <paramref name="maxDelay"/>, of which the upper half is scaled by
    /// <paramref name="jitter"/> ("equal jitter"): the spacing still grows, and workers that failed together
    /// don't all come back in the same instant.
    /// </returns>
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0d);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1d);
        // Capping the exponent first keeps the double finite for any attempt count.
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 40));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * jitter);
    }
}
