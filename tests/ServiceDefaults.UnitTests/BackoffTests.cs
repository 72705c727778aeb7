using VideoEngager.Outbox;

namespace VideoEngager.ServiceDefaults.UnitTests;

public class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    public void Doubles_with_each_attempt(int attempt, int seconds)
    {
        var full = TimeSpan.FromSeconds(seconds);

        Assert.Equal(full / 2, Backoff.Delay(attempt, Base, Max, jitter: 0));
        Assert.InRange(Backoff.Delay(attempt, Base, Max, jitter: 0.9999), full * 0.99, full);
    }

    [Fact]
    public void Jitter_spreads_the_upper_half_only()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), Backoff.Delay(3, Base, Max, jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(3), Backoff.Delay(3, Base, Max, jitter: 0.5));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1000)]
    [InlineData(int.MaxValue)]
    public void Never_exceeds_the_cap(int attempt)
    {
        var delay = Backoff.Delay(attempt, Base, Max, jitter: 0.999);

        Assert.InRange(delay, Max / 2, Max);
    }

    [Fact]
    public void Rejects_an_attempt_below_one_and_jitter_outside_zero_to_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(0, Base, Max, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(1, Base, Max, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(1, Base, Max, -0.1));
    }
}
