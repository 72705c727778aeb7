using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoEngager.Scheduling.ContactCenter;

namespace VideoEngager.Scheduling.UnitTests.ContactCenter;

/// <summary>The token and routing caches on a fake clock.</summary>
public sealed class GenesysCachesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly IOptions<GenesysOptions> _options = Options.Create(new GenesysOptions
    {
        ApiBaseUrl = "https://api.example.test",
        LoginBaseUrl = "https://login.example.test/",
        ClientId = "id",
        ClientSecret = "secret",
        TokenRenewalMargin = TimeSpan.FromMinutes(5),
        RoutingCacheDuration = TimeSpan.FromMinutes(10),
        MissingRoutingCacheDuration = TimeSpan.FromMinutes(1),
    });

    [Fact]
    public async Task A_token_is_reused_until_shortly_before_it_expires()
    {
        var login = new TokenEndpoint(expiresIn: 3600);
        using var tokens = new GenesysAccessTokens(_clock, _options);
        using var http = new HttpClient(login);

        var first = await tokens.GetAsync(http, Token);
        _clock.Advance(TimeSpan.FromMinutes(54));
        var stillFirst = await tokens.GetAsync(http, Token);
        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var renewed = await tokens.GetAsync(http, Token);

        Assert.Equal(first, stillFirst);
        Assert.NotEqual(first, renewed);
        Assert.Equal(2, login.Calls);
        Assert.Equal("https://login.example.test/oauth/token", login.LastUri?.ToString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("id:secret")), login.LastAuthorization);
    }

    [Fact]
    public async Task A_short_lived_token_is_renewed_at_half_its_life()
    {
        var login = new TokenEndpoint(expiresIn: 60);
        using var tokens = new GenesysAccessTokens(_clock, _options);
        using var http = new HttpClient(login);

        await tokens.GetAsync(http, Token);
        _clock.Advance(TimeSpan.FromSeconds(29));
        await tokens.GetAsync(http, Token);
        _clock.Advance(TimeSpan.FromSeconds(2));
        await tokens.GetAsync(http, Token);

        Assert.Equal(2, login.Calls);
    }

    [Fact]
    public async Task An_invalidated_token_is_fetched_again_but_a_stale_invalidation_is_ignored()
    {
        var login = new TokenEndpoint(expiresIn: 3600);
        using var tokens = new GenesysAccessTokens(_clock, _options);
        using var http = new HttpClient(login);

        var first = await tokens.GetAsync(http, Token);
        tokens.Invalidate(first);
        var second = await tokens.GetAsync(http, Token);
        tokens.Invalidate(first);
        var stillSecond = await tokens.GetAsync(http, Token);

        Assert.NotEqual(first, second);
        Assert.Equal(second, stillSecond);
        Assert.Equal(2, login.Calls);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_fetch()
    {
        var login = new TokenEndpoint(expiresIn: 3600, delay: TimeSpan.FromMilliseconds(50));
        using var tokens = new GenesysAccessTokens(_clock, _options);
        using var http = new HttpClient(login);

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => tokens.GetAsync(http, Token).AsTask()));

        Assert.Single(all.Distinct());
        Assert.Equal(1, login.Calls);
    }

    [Fact]
    public void Routing_ids_are_trusted_for_the_cache_duration_and_misses_for_a_shorter_one()
    {
        var cache = new RoutingIdCache(_clock, _options);
        cache.Set(RoutingKind.Queue, "VIP-Video-Q", "q-1");
        cache.Set(RoutingKind.Language, "Klingon", null);

        Assert.True(cache.TryGet(RoutingKind.Queue, "vip-video-q", out var queue));
        Assert.Equal("q-1", queue);
        Assert.False(cache.TryGet(RoutingKind.Skill, "VIP-Video-Q", out _));
        Assert.True(cache.TryGet(RoutingKind.Language, "Klingon", out var missing));
        Assert.Null(missing);

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(cache.TryGet(RoutingKind.Language, "Klingon", out _));
        Assert.True(cache.TryGet(RoutingKind.Queue, "VIP-Video-Q", out _));

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(cache.TryGet(RoutingKind.Queue, "VIP-Video-Q", out _));
    }

    [Fact]
    public async Task An_error_body_that_is_not_json_still_gives_a_typed_error()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html>bad gateway</html>", Encoding.UTF8, "text/html"),
        };

        var error = await GenesysWire.ErrorAsync(response, "create callback", Token);

        Assert.Equal((502, true, null), (error.Status, error.Transient, error.RetryAfter));
    }

    [Fact]
    public async Task Retry_After_as_a_date_counts_from_the_answer()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{}") };
        var sent = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        response.Headers.Date = sent;
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(sent.AddSeconds(30));

        var error = await GenesysWire.ErrorAsync(response, "create callback", Token);

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    private sealed class TokenEndpoint(int expiresIn, TimeSpan? delay = null) : HttpMessageHandler
    {
        private int _calls;
        public int Calls => _calls;
        public Uri? LastUri { get; private set; }
        public string? LastAuthorization { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = Interlocked.Increment(ref _calls);
            LastUri = request.RequestUri;
            LastAuthorization = request.Headers.Authorization?.ToString();
            if (delay is { } wait)
            {
                await Task.Delay(wait, cancellationToken);
            }
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($$"""{"access_token":"token-{{call}}","token_type":"bearer","expires_in":{{expiresIn}}}""",
                    Encoding.UTF8, "application/json"),
            };
        }
    }
}
