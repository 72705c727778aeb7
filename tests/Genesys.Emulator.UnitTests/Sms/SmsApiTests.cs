using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using VideoEngager.Genesys.Emulator.UnitTests.Http;

namespace VideoEngager.Genesys.Emulator.UnitTests.Sms;

/// <summary>The Twilio-compatible Messages API and <c>/emulator/sms</c>. The inbox is per emulator, so these share one.</summary>
public sealed class SmsApiTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private const string Path = "/2010-04-01/Accounts/AC-local/Messages.json";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_is_answered_201_in_Twilio_s_shape_and_listed_for_tests()
    {
        using var client = emulator.CreateClient();
        var to = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);

        using var response = await client.SendAsync(Send("AC-local", "local-sms-token", to, "Your call starts soon"), _ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var sid = body.GetProperty("sid").GetString()!;
        Assert.Matches("^SM[0-9a-f]{32}$", sid);
        Assert.Equal(("queued", to, "+15005550006", "Your call starts soon", "AC-local"),
            (body.GetProperty("status").GetString(), body.GetProperty("to").GetString(), body.GetProperty("from").GetString(),
             body.GetProperty("body").GetString(), body.GetProperty("account_sid").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("error_code").ValueKind);
        Assert.EndsWith(" +0000", body.GetProperty("date_created").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/2010-04-01/Accounts/AC-local/Messages/{sid}.json", body.GetProperty("uri").GetString());

        var listed = await client.GetFromJsonAsync<JsonElement>("/emulator/sms", _ct);
        var captured = Assert.Single(listed.EnumerateArray(), m => m.GetProperty("sid").GetString() == sid);
        Assert.Equal((to, "Your call starts soon"), (captured.GetProperty("to").GetString(), captured.GetProperty("body").GetString()));
    }

    [Theory]
    [InlineData("AC-local", "wrong-token")]
    [InlineData("AC-other", "local-sms-token")]
    [InlineData(null, null)]
    public async Task Bad_or_missing_credentials_get_401_and_nothing_is_kept(string? sid, string? token)
    {
        using var client = emulator.CreateClient();
        var to = "+1555" + Random.Shared.Next(1_000_000, 9_999_999);

        using var response = await client.SendAsync(Send(sid, token, to, "hello"), _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(20003, (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("code").GetInt32());
        var listed = await client.GetFromJsonAsync<JsonElement>("/emulator/sms", _ct);
        Assert.DoesNotContain(listed.EnumerateArray(), m => m.GetProperty("to").GetString() == to);
    }

    [Theory]
    [InlineData("", "+15005550006", "text", 21604)]
    [InlineData("+15551234567", "", "text", 21603)]
    [InlineData("+15551234567", "+15005550006", "", 21602)]
    public async Task A_missing_field_gets_400_with_Twilio_s_code(string to, string from, string text, int code)
    {
        using var client = emulator.CreateClient();

        using var response = await client.SendAsync(Send("AC-local", "local-sms-token", to, text, from), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal((code, 400), (body.GetProperty("code").GetInt32(), body.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task Configured_accounts_replace_the_local_default()
    {
        await using var configured = emulator.WithWebHostBuilder(b => b.UseSetting("Sms:Accounts:AC-test", "test-token"));
        using var client = configured.CreateClient();

        using var accepted = await client.SendAsync(
            Send("AC-test", "test-token", "+15551234567", "hello", path: "/2010-04-01/Accounts/AC-test/Messages.json"), _ct);
        using var refused = await client.SendAsync(Send("AC-local", "local-sms-token", "+15551234567", "hello"), _ct);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static HttpRequestMessage Send(string? sid, string? token, string to, string body,
        string from = "+15005550006", string path = Path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = to, ["From"] = from, ["Body"] = body }),
        };
        if (sid is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{sid}:{token}")));
        }
        return request;
    }
}
