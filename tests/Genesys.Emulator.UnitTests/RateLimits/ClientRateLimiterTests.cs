using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoEngager.Genesys.Emulator.RateLimits;

namespace VideoEngager.Genesys.Emulator.UnitTests.RateLimits;

public sealed class ClientRateLimiterTests
{
    [Fact]
    public void Each_client_has_its_own_one_minute_window()
    {
        var time = new FakeTimeProvider();
        var limiter = new ClientRateLimiter(Options.Create(new RateLimitOptions { RequestsPerMinute = 2 }), time);

        Assert.Equal(new RateLimitDecision(2, 1, 60, false), limiter.Count("a"));
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(new RateLimitDecision(2, 2, 40, false), limiter.Count("a"));
        Assert.Equal(new RateLimitDecision(2, 1, 60, false), limiter.Count("b"));
        Assert.Equal(new RateLimitDecision(2, 2, 40, true), limiter.Count("a"));

        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(new RateLimitDecision(2, 1, 60, false), limiter.Count("a"));
    }
}
