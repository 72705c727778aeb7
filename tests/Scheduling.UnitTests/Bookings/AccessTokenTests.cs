using VideoEngager.Scheduling.Bookings;

namespace VideoEngager.Scheduling.UnitTests.Bookings;

public sealed class AccessTokenTests
{
    [Fact]
    public void Tokens_carry_256_bits_and_are_url_safe()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => AccessToken.New()).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t)); // 32 bytes in base64url
    }

    [Fact]
    public void Matching_is_exact()
    {
        var token = AccessToken.New();

        Assert.True(AccessToken.Matches(token, token));
        Assert.False(AccessToken.Matches(token, token[..^1]));
        Assert.False(AccessToken.Matches(token, null));
        Assert.False(AccessToken.Matches(token, ""));
    }
}
