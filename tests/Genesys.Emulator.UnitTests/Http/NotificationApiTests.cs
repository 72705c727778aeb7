using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VideoEngager.Genesys.Emulator.Seed;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

/// <summary>The Notifications API: a channel subscribed to a queue's callbacks hears every change of them.</summary>
public sealed class NotificationApiTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_channel_subscribed_to_a_queue_hears_its_callbacks_change()
    {
        using var api = await emulator.CreateApiClientAsync(_ct);
        var channel = await (await api.PostAsync("/api/v2/notifications/channels", null, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var channelId = channel.GetProperty("id").GetString();
        var topic = $"v2.routing.queues.{DemoOrg.QueueId}.conversations.callbacks";
        using var subscribed = await api.PutAsJsonAsync($"/api/v2/notifications/channels/{channelId}/subscriptions",
            new[] { new { id = topic }, new { id = "v2.users.me.presence" } }, _ct);
        var topics = (await subscribed.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("entities").EnumerateArray().ToList();
        Assert.Equal(("Permitted", "Rejected"), (topics[0].GetProperty("state").GetString(), topics[1].GetProperty("state").GetString()));

        var connectUri = new Uri(channel.GetProperty("connectUri").GetString()!);
        using var socket = await emulator.Server.CreateWebSocketClient().ConnectAsync(new Uri(emulator.Server.BaseAddress, connectUri.PathAndQuery), _ct);
        using var created = await api.PostAsJsonAsync("/api/v2/conversations/callbacks", new
        {
            routingData = new { queueId = DemoOrg.QueueId, skillIds = new[] { DemoOrg.VideoSkillId } },
            callbackNumbers = new[] { "+971501234567" },
            callbackScheduledTime = DateTimeOffset.UtcNow.AddHours(2),
            data = new { bookingId = "bk-n" },
        }, _ct);
        var conversationId = (await created.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("conversation").GetProperty("id").GetGuid();

        var frame = await SocketFrames.ReceiveAsync(socket, _ct);
        Assert.Equal(topic, frame.GetProperty("topicName").GetString());
        var body = frame.GetProperty("eventBody");
        Assert.Equal(conversationId, body.GetProperty("id").GetGuid());
        Assert.Contains(body.GetProperty("participants").EnumerateArray(),
            p => p.GetProperty("purpose").GetString() == "acd" && p.GetProperty("state").GetString() == "scheduled");

        using var gone = await api.PostAsJsonAsync("/api/v2/conversations/callbacks/bulk/disconnect",
            new { callbackDisconnectIdentifiers = new[] { new { conversationId } } }, _ct);
        var ended = (await SocketFrames.ReceiveAsync(socket, _ct)).GetProperty("eventBody").GetProperty("participants").EnumerateArray();
        Assert.Contains(ended, p => p.GetProperty("purpose").GetString() == "customer" && p.GetProperty("state").GetString() == "disconnected");
    }

    [Fact]
    public async Task An_unknown_channel_is_not_found_and_too_many_topics_are_refused()
    {
        using var api = await emulator.CreateApiClientAsync(_ct);
        await GenesysAssert.ErrorAsync(
            await api.PutAsJsonAsync($"/api/v2/notifications/channels/{Guid.NewGuid()}/subscriptions", new[] { new { id = "x" } }, _ct),
            HttpStatusCode.NotFound, "not.found");
        var channel = await (await api.PostAsync("/api/v2/notifications/channels", null, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        var many = Enumerable.Range(0, 1001).Select(_ => new { id = $"v2.routing.queues.{Guid.NewGuid()}.conversations.callbacks" }).ToArray();
        await GenesysAssert.ErrorAsync(
            await api.PutAsJsonAsync($"/api/v2/notifications/channels/{channel.GetProperty("id").GetString()}/subscriptions", many, _ct),
            HttpStatusCode.BadRequest, "bad.request");
    }
}
