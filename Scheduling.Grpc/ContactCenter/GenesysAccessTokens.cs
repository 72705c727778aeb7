using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// The client-credentials token, shared by every <see cref="GenesysCloudClient"/> (typed clients are transient) and
/// renewed shortly before it expires; one fetch at a time however many calls need it.
/// </summary>
internal sealed class GenesysAccessTokens(TimeProvider clock, IOptions<GenesysOptions> options) : IDisposable
{
    private sealed record CachedToken(string Value, DateTimeOffset RenewAt);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _current;

    public async ValueTask<string> GetAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }
            var fetched = await FetchAsync(http, cancellationToken);
            Volatile.Write(ref _current, fetched);
            return fetched.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="rejected"/> after a 401, unless another call already replaced it.</summary>
    public void Invalidate(string rejected)
    {
        var current = Volatile.Read(ref _current);
        if (current?.Value == rejected)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh() =>
        Volatile.Read(ref _current) is { } token && clock.GetUtcNow() < token.RenewAt ? token.Value : null;

    private async Task<CachedToken> FetchAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.LoginBase, "oauth/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        var requestedAt = clock.GetUtcNow();
        using var response = await GenesysCloudClient.SendOnceAsync(http, request, "token", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await GenesysWire.ErrorAsync(response, "token", cancellationToken);
        }
        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(GenesysWire.Json, cancellationToken);
        if (answer is not { AccessToken.Length: > 0, ExpiresIn: > 0 })
        {
            throw new ContactCenterException("Genesys token: the answer holds no access token.", transient: true, status: (int)response.StatusCode);
        }
        var lifetime = TimeSpan.FromSeconds(answer.ExpiresIn);
        var margin = settings.TokenRenewalMargin < lifetime / 2 ? settings.TokenRenewalMargin : lifetime / 2;
        return new CachedToken(answer.AccessToken!, requestedAt + lifetime - margin);
    }
}
