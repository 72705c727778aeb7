using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace VideoEngager.Genesys.Emulator.Auth;

/// <summary>Issues opaque bearer tokens and remembers which client holds each until it expires.</summary>
internal sealed class TokenStore(IOptions<OAuthOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public bool IsValidClient(string clientId, string secret) =>
        options.Value.Clients.TryGetValue(clientId, out var expected)
        && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(secret));

    public IssuedToken Issue(string clientId)
    {
        RemoveExpired();
        var token = new IssuedToken(
            Base64Url(RandomNumberGenerator.GetBytes(48)),
            clientId,
            time.GetUtcNow().AddSeconds(options.Value.TokenLifetimeSeconds),
            options.Value.TokenLifetimeSeconds);
        _tokens[token.AccessToken] = token;
        return token;
    }

    /// <summary>The client that holds <paramref name="accessToken"/>, or null when unknown or expired.</summary>
    public string? ClientOf(string accessToken) =>
        _tokens.TryGetValue(accessToken, out var token) && token.ExpiresAt > time.GetUtcNow() ? token.ClientId : null;

    /// <summary>Lets a test see how a client copes with a token the server no longer honours.</summary>
    public int RevokeAll()
    {
        var count = _tokens.Count;
        _tokens.Clear();
        return count;
    }

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var (key, token) in _tokens)
        {
            if (token.ExpiresAt <= now)
            {
                _tokens.TryRemove(key, out _);
            }
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed record IssuedToken(string AccessToken, string ClientId, DateTimeOffset ExpiresAt, int LifetimeSeconds);
