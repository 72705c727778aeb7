using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

/// <summary>The emulator in memory. Each test class gets its own, so faults and the request journal stay private to it.</summary>
public sealed class EmulatorFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");

    /// <summary>A client holding a token of the default <c>local-client</c>.</summary>
    public async Task<HttpClient> CreateApiClientAsync(CancellationToken cancellationToken)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, cancellationToken));
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var request = TokenRequest("local-client", "local-secret");
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return body.GetProperty("access_token").GetString()!;
    }

    public static HttpRequestMessage TokenRequest(string clientId, string secret, string grantType = "client_credentials")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/oauth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grantType }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        return request;
    }
}
