using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

public sealed class DesktopTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_is_self_contained_html()
    {
        using var client = emulator.CreateClient();

        using var response = await client.GetAsync("/desktop?agent=layla.haddad@agents.example", _ct);
        var html = await response.Content.ReadAsStringAsync(_ct);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("new EventSource", html, StringComparison.Ordinal);
        // Nothing is fetched from elsewhere: no CDN script, style sheet or font.
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_offer_reaches_the_agent_as_an_event_and_accepting_connects_and_gives_the_agent_url()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        var agent = await org.AddAgentAsync(client, "Desk", [org.VideoId], _ct);

        using var events = await client.GetStreamAsync($"/desktop/events?agent={agent}", _ct);
        using var reader = new StreamReader(events);
        var hello = await NextEventAsync(reader);
        Assert.Equal("hello", hello.Name);
        Assert.Equal("Available", hello.Data.GetProperty("presence").GetString());

        using var created = await client.PostAsJsonAsync("/api/v2/conversations/callbacks",
            org.Callback([org.VideoId], agentUrl: "https://agent.example/room/42"), _ct);
        var conversationId = (await created.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("conversation").GetProperty("id").GetGuid();

        var offer = await NextEventAsync(reader);
        Assert.Equal("offer", offer.Name);
        var details = offer.Data.GetProperty("offer");
        Assert.Equal(conversationId, details.GetProperty("conversationId").GetGuid());
        Assert.Equal("Fatima Al-Ali", details.GetProperty("customerName").GetString());
        Assert.Equal(org.QueueName, details.GetProperty("queueName").GetString());

        using var accepted = await client.PostAsync($"/desktop/offers/{conversationId}/accept?agent={agent}", null, _ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("https://agent.example/room/42",
            (await accepted.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("agentUrl").GetString());
        Assert.Equal("connected", (await NextEventAsync(reader)).Name);

        var conversation = await client.GetFromJsonAsync<JsonElement>($"/api/v2/conversations/callbacks/{conversationId}", _ct);
        var agentLeg = conversation.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("purpose").GetString() == "agent");
        Assert.Equal("connected", agentLeg.GetProperty("state").GetString());

        using var hungUp = await client.PostAsync($"/desktop/conversations/{conversationId}/disconnect?agent={agent}", null, _ct);
        Assert.Equal(HttpStatusCode.NoContent, hungUp.StatusCode);
        Assert.Equal("ended", (await NextEventAsync(reader)).Name);
    }

    [Fact]
    public async Task Declining_passes_the_offer_to_the_next_agent_and_presence_can_be_toggled()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        var first = await org.AddAgentAsync(client, "First", [org.VideoId], _ct);
        var second = await org.AddAgentAsync(client, "Second", [org.VideoId], _ct, presence: "Offline");
        using var created = await client.PostAsJsonAsync("/api/v2/conversations/callbacks", org.Callback([org.VideoId]), _ct);
        var conversationId = (await created.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("conversation").GetProperty("id").GetGuid();

        using var online = await client.PutAsJsonAsync($"/desktop/presence?agent={second}", new { presence = "Available" }, _ct);
        Assert.Equal(HttpStatusCode.NoContent, online.StatusCode);
        using var declined = await client.PostAsync($"/desktop/offers/{conversationId}/decline?agent={first}", null, _ct);
        Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);

        var listed = await client.GetFromJsonAsync<JsonElement>($"/emulator/callbacks/{conversationId}", _ct);
        Assert.Equal(second, listed.GetProperty("agentId").GetGuid());
        using var late = await client.PostAsync($"/desktop/offers/{conversationId}/accept?agent={first}", null, _ct);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task An_unknown_agent_is_not_found()
    {
        using var client = emulator.CreateClient();

        using var response = await client.GetAsync("/desktop/events?agent=nobody@agents.example", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<(string Name, JsonElement Data)> NextEventAsync(StreamReader reader)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        string? name = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
            {
                return (name, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
            }
        }
        throw new InvalidOperationException("The event stream ended.");
    }
}
