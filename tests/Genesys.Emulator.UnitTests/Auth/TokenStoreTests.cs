using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoEngager.Genesys.Emulator.Auth;

namespace VideoEngager.Genesys.Emulator.UnitTests.Auth;

public sealed class TokenStoreTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly TokenStore _tokens;

    public TokenStoreTests() =>
        _tokens = new TokenStore(Options.Create(new OAuthOptions
        {
            Clients = new() { ["local-client"] = "local-secret" },
            TokenLifetimeSeconds = 86_399,
        }), _time);

    [Theory]
    [InlineData("local-client", "local-secret", true)]
    [InlineData("local-client", "wrong", false)]
    [InlineData("other-client", "local-secret", false)]
    public void Only_configured_clients_with_their_secret_are_valid(string clientId, string secret, bool valid) =>
        Assert.Equal(valid, _tokens.IsValidClient(clientId, secret));

    [Fact]
    public void A_token_is_honoured_until_it_expires()
    {
        var token = _tokens.Issue("local-client");
        Assert.Equal(86_399, token.LifetimeSeconds);
        Assert.Equal("local-client", _tokens.ClientOf(token.AccessToken));

        _time.Advance(TimeSpan.FromSeconds(86_398));
        Assert.Equal("local-client", _tokens.ClientOf(token.AccessToken));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(_tokens.ClientOf(token.AccessToken));
    }

    [Fact]
    public void Tokens_are_unique_and_revocable()
    {
        var first = _tokens.Issue("local-client");
        var second = _tokens.Issue("local-client");
        Assert.NotEqual(first.AccessToken, second.AccessToken);

        Assert.Equal(2, _tokens.RevokeAll());
        Assert.Null(_tokens.ClientOf(first.AccessToken));
        Assert.Null(_tokens.ClientOf("never-issued"));
    }
}
