using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

public sealed class WebMessagingSocketTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_guest_chats_over_the_socket_and_a_backend_finds_the_conversation_from_a_message_id()
    {
        var token = Guid.NewGuid().ToString();
        using var socket = await emulator.Server.CreateWebSocketClient()
            .ConnectAsync(new Uri(emulator.Server.BaseAddress, "/v1?deploymentId=dep-1"), _ct);

        await SocketFrames.SendAsync(socket, new { action = "configureSession", token, deploymentId = "dep-1", startNew = false }, _ct);
        var session = await SocketFrames.ReceiveAsync(socket, _ct);
        Assert.Equal("SessionResponse", session.GetProperty("class").GetString());
        Assert.True(session.GetProperty("body").GetProperty("connected").GetBoolean());
        Assert.Equal(2048, session.GetProperty("body").GetProperty("maxCustomDataBytes").GetInt32());

        await SocketFrames.SendAsync(socket, new
        {
            action = "onMessage",
            token,
            message = new
            {
                type = "Text",
                text = "I'd like a video call",
                channel = new { metadata = new { customAttributes = new { productLine = "Post-paid", lang = "ar" } } },
            },
        }, _ct);
        var echoed = await SocketFrames.ReceiveAsync(socket, _ct);
        Assert.Equal(("response", "StructuredMessage", 200),
            (echoed.GetProperty("type").GetString(), echoed.GetProperty("class").GetString(), echoed.GetProperty("code").GetInt32()));
        var body = echoed.GetProperty("body");
        Assert.Equal("Inbound", body.GetProperty("direction").GetString());
        var messageId = body.GetProperty("channel").GetProperty("messageId").GetGuid();
        Assert.Equal(messageId, body.GetProperty("id").GetGuid());

        using var api = await emulator.CreateApiClientAsync(_ct);
        var details = await api.GetFromJsonAsync<JsonElement>($"/api/v2/conversations/messages/{messageId}/details", _ct);
        var conversationId = details.GetProperty("conversationId").GetGuid();
        Assert.Equal("inbound", details.GetProperty("direction").GetString());

        var sessions = await api.GetFromJsonAsync<JsonElement>("/emulator/messaging", _ct);
        var mine = sessions.EnumerateArray().Single(s => s.GetProperty("conversationId").GetGuid() == conversationId);
        Assert.Equal("Post-paid", mine.GetProperty("customAttributes").GetProperty("productLine").GetString());

        using var reply = await api.PostAsJsonAsync(
            $"/desktop/messaging/{conversationId}/reply?agent=layla.haddad@agents.example", new { text = "Marhaba!" }, _ct);
        Assert.Equal(HttpStatusCode.NoContent, reply.StatusCode);
        Assert.Equal("Join", (await SocketFrames.ReceiveAsync(socket, _ct)).GetProperty("body").GetProperty("events")[0].GetProperty("presence").GetProperty("type").GetString());
        var agentText = await SocketFrames.ReceiveAsync(socket, _ct);
        Assert.Equal(("message", "Outbound", "Marhaba!"),
            (agentText.GetProperty("type").GetString(), agentText.GetProperty("body").GetProperty("direction").GetString(),
             agentText.GetProperty("body").GetProperty("text").GetString()));

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", _ct);
    }

    [Fact]
    public async Task A_plain_request_to_the_socket_address_is_a_bad_request()
    {
        using var client = emulator.CreateClient();

        using var response = await client.GetAsync("/v1?deploymentId=dep-1", _ct);

        await GenesysAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "bad.request");
    }

    [Fact]
    public async Task An_unknown_message_is_not_found()
    {
        using var api = await emulator.CreateApiClientAsync(_ct);

        using var response = await api.GetAsync($"/api/v2/conversations/messages/{Guid.NewGuid()}/details", _ct);

        await GenesysAssert.ErrorAsync(response, HttpStatusCode.NotFound, "not.found");
    }
}
