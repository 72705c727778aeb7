using Microsoft.Extensions.Time.Testing;
using VideoEngager.Scheduling.ContactCenter;

namespace VideoEngager.Scheduling.UnitTests.ContactCenter;

public sealed class RetryPolicyTests
{
    private static readonly DispatchOptions Options = new() { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromMinutes(5), MaxAttempts = 20 };
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Retry_After_is_honoured_exactly_whatever_the_attempt()
    {
        var rateLimited = new ContactCenterException("429", transient: true, status: 429, retryAfter: TimeSpan.FromSeconds(7));

        var first = RetryPolicy.NextAttempt(rateLimited, 1, _clock.GetUtcNow(), Options, jitter: 0.9);
        var fifth = RetryPolicy.NextAttempt(rateLimited, 5, _clock.GetUtcNow(), Options, jitter: 0.1);

        var expected = _clock.GetUtcNow() + TimeSpan.FromSeconds(7) + RetryPolicy.RetryAfterMargin;
        Assert.Equal((expected, expected), (first, fifth));
    }

    [Fact]
    public void A_Retry_After_of_zero_still_waits_the_base_delay()
    {
        var error = new ContactCenterException("429", transient: true, status: 429, retryAfter: TimeSpan.Zero);

        var next = RetryPolicy.NextAttempt(error, 1, _clock.GetUtcNow(), Options, jitter: 0);

        Assert.Equal(_clock.GetUtcNow() + Options.BaseDelay + RetryPolicy.RetryAfterMargin, next);
    }

    [Fact]
    public void Without_Retry_After_the_wait_doubles_and_is_capped()
    {
        var unavailable = new ContactCenterException("503", transient: true, status: 503);
        var waits = Enumerable.Range(1, 12)
            .Select(attempt => RetryPolicy.NextAttempt(unavailable, attempt, _clock.GetUtcNow(), Options, jitter: 0.999999)!.Value - _clock.GetUtcNow())
            .ToList();

        Assert.Equal(1, waits[0].TotalSeconds, 2);
        Assert.Equal(2, waits[1].TotalSeconds, 2);
        Assert.Equal(4, waits[2].TotalSeconds, 2);
        Assert.All(waits.Zip(waits.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.Equal(Options.MaxDelay.TotalSeconds, waits[^1].TotalSeconds, 2);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public void A_permanent_error_is_never_retried(int status)
    {
        var error = new ContactCenterException("no", transient: ContactCenterException.IsTransientStatus(status), status: status);

        Assert.Null(RetryPolicy.NextAttempt(error, 1, _clock.GetUtcNow(), Options, jitter: 0.5));
    }

    [Fact]
    public void Transient_errors_stop_at_the_attempt_limit()
    {
        var error = new ContactCenterException("503", transient: true, status: 503);

        Assert.NotNull(RetryPolicy.NextAttempt(error, Options.MaxAttempts - 1, _clock.GetUtcNow(), Options, jitter: 0.5));
        Assert.Null(RetryPolicy.NextAttempt(error, Options.MaxAttempts, _clock.GetUtcNow(), Options, jitter: 0.5));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    public void The_SDKs_retry_statuses_are_transient(int status, bool transient) =>
        Assert.Equal(transient, ContactCenterException.IsTransientStatus(status));
}
