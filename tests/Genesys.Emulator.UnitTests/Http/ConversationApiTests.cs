using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoEngager.Genesys.Emulator.Seed;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

/// <summary>A video leg added to a guest's chat: one conversation for the platform, the agent and reporting.</summary>
public sealed class ConversationApiTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_callback_added_to_a_chat_makes_one_conversation_with_both_legs_in_the_api_and_in_reporting()
    {
        using var socket = await emulator.Server.CreateWebSocketClient()
            .ConnectAsync(new Uri(emulator.Server.BaseAddress, "/v1?deploymentId=dep-conv"), _ct);
        var token = Guid.NewGuid().ToString();
        await SocketFrames.SendAsync(socket, new { action = "configureSession", token, deploymentId = "dep-conv" }, _ct);
        await SocketFrames.ReceiveAsync(socket, _ct);
        await SocketFrames.SendAsync(socket, new
        {
            action = "onMessage",
            token,
            message = new { type = "Text", text = "Can we talk on video?", channel = new { metadata = new { customAttributes = new { productLine = "Post-paid" } } } },
        }, _ct);
        var messageId = (await SocketFrames.ReceiveAsync(socket, _ct)).GetProperty("body").GetProperty("id").GetGuid();
        using var api = await emulator.CreateApiClientAsync(_ct);
        var conversationId = (await api.GetFromJsonAsync<JsonElement>($"/api/v2/conversations/messages/{messageId}/details", _ct))
            .GetProperty("conversationId").GetGuid();

        var chat = await api.GetFromJsonAsync<JsonElement>($"/api/v2/conversations/{conversationId}", _ct);
        var guest = chat.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("purpose").GetString() == "customer");
        Assert.Equal(("connected", "Post-paid"),
            (guest.GetProperty("messages")[0].GetProperty("state").GetString(), guest.GetProperty("attributes").GetProperty("productLine").GetString()));

        using var added = await api.PostAsJsonAsync(
            $"/api/v2/conversations/{conversationId}/participants/{guest.GetProperty("id").GetGuid()}/callbacks", new
            {
                routingData = new { queueId = DemoOrg.QueueId, skillIds = new[] { DemoOrg.VideoSkillId }, priority = 5 },
                callbackUserName = "Fatima Al-Ali",
                callbackNumbers = new[] { "+971501234567" },
                data = new { bookingId = "bk-1", agentUrl = "https://edge.example/rooms/bk-1?token=a" },
            }, _ct);
        Assert.Equal(HttpStatusCode.Accepted, added.StatusCode);

        var both = await api.GetFromJsonAsync<JsonElement>($"/api/v2/conversations/{conversationId}", _ct);
        var participants = both.GetProperty("participants").EnumerateArray().ToList();
        Assert.Contains(participants, p => p.TryGetProperty("messages", out _));
        Assert.Contains(participants, p => p.GetProperty("purpose").GetString() == "acd" && p.TryGetProperty("callbacks", out _));
        var chatGuest = participants.Single(p => p.GetProperty("purpose").GetString() == "customer" && p.TryGetProperty("messages", out _));
        Assert.Equal("bk-1", chatGuest.GetProperty("attributes").GetProperty("bookingId").GetString());
        var listed = await api.GetFromJsonAsync<JsonElement>("/emulator/callbacks", _ct);
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("id").GetGuid() == conversationId);

        using var again = await api.PostAsJsonAsync(
            $"/api/v2/conversations/{conversationId}/participants/{guest.GetProperty("id").GetGuid()}/callbacks",
            new { routingData = new { queueId = DemoOrg.QueueId }, callbackNumbers = new[] { "+971501234567" } }, _ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var now = DateTimeOffset.UtcNow;
        using var query = await api.PostAsJsonAsync("/api/v2/analytics/conversations/details/query", new
        {
            interval = $"{now.AddHours(-1):O}/{now.AddHours(1):O}",
            conversationFilters = new[] { new { type = "and", predicates = new[] { new { dimension = "conversationId", value = conversationId.ToString() } } } },
        }, _ct);
        var report = await query.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var conversation = Assert.Single(report.GetProperty("conversations").EnumerateArray().ToList());
        Assert.Equal(conversationId, conversation.GetProperty("conversationId").GetGuid());
        var media = conversation.GetProperty("participants").EnumerateArray()
            .SelectMany(p => p.GetProperty("sessions").EnumerateArray()).Select(s => s.GetProperty("mediaType").GetString()).ToHashSet();
        Assert.Equal(["callback", "message"], media.Order());
    }

    [Fact]
    public async Task Unknown_conversations_and_participants_are_not_found()
    {
        using var api = await emulator.CreateApiClientAsync(_ct);

        await GenesysAssert.ErrorAsync(await api.GetAsync($"/api/v2/conversations/{Guid.NewGuid()}", _ct), HttpStatusCode.NotFound, "not.found");
        await GenesysAssert.ErrorAsync(
            await api.PostAsJsonAsync($"/api/v2/conversations/{Guid.NewGuid()}/participants/{Guid.NewGuid()}/callbacks",
                new { callbackNumbers = new[] { "+971501234567" } }, _ct),
            HttpStatusCode.NotFound, "not.found");
        await GenesysAssert.ErrorAsync(
            await api.PostAsJsonAsync("/api/v2/analytics/conversations/details/query", new { interval = "yesterday" }, _ct),
            HttpStatusCode.BadRequest, "bad.request");
    }
}
