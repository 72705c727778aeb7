using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

public sealed class OAuthTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Client_credentials_with_basic_auth_get_a_bearer_token()
    {
        using var client = emulator.CreateClient();
        using var request = EmulatorFactory.TokenRequest("local-client", "local-secret");

        using var response = await client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        GenesysAssert.CorrelationId(response);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(86399, body.GetProperty("expires_in").GetInt32());
    }

    [Theory]
    [InlineData("local-client", "wrong-secret")]
    [InlineData("someone-else", "local-secret")]
    public async Task Bad_credentials_are_refused_as_an_unauthorized_client(string clientId, string secret)
    {
        using var client = emulator.CreateClient();
        using var request = EmulatorFactory.TokenRequest(clientId, secret);

        using var response = await client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("unauthorized_client", body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("description").GetString()));
        Assert.Equal(body.GetProperty("description").GetString(), body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Another_grant_type_is_refused()
    {
        using var client = emulator.CreateClient();
        using var request = EmulatorFactory.TokenRequest("local-client", "local-secret", "password");

        using var response = await client.SendAsync(request, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type",
            (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token-we-issued")]
    public async Task The_api_refuses_requests_without_an_issued_token(string? token)
    {
        using var client = emulator.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.GetAsync("/api/v2/routing/queues", _ct);

        await GenesysAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "bad.credentials");
    }

    [Fact]
    public async Task Api_responses_carry_a_fresh_correlation_id_and_the_rate_limit_headers()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);

        using var first = await client.GetAsync("/api/v2/routing/queues", _ct);
        using var second = await client.GetAsync("/api/v2/routing/queues", _ct);

        Assert.NotEqual(GenesysAssert.CorrelationId(first), GenesysAssert.CorrelationId(second));
        Assert.Equal("300", Assert.Single(second.Headers.GetValues("inin-ratelimit-allowed")));
        Assert.True(int.Parse(Assert.Single(second.Headers.GetValues("inin-ratelimit-count")), System.Globalization.CultureInfo.InvariantCulture) >= 2);
        var reset = int.Parse(Assert.Single(second.Headers.GetValues("inin-ratelimit-reset")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reset, 1, 60);
    }

    [Fact]
    public async Task Revoked_tokens_get_401_and_a_new_token_works()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        using var revoke = await client.DeleteAsync("/emulator/tokens", _ct);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);

        using var refused = await client.GetAsync("/api/v2/routing/queues", _ct);
        await GenesysAssert.ErrorAsync(refused, HttpStatusCode.Unauthorized, "bad.credentials");

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await EmulatorFactory.TokenAsync(client, _ct));
        using var accepted = await client.GetAsync("/api/v2/routing/queues", _ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }
}
