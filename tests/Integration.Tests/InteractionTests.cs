using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace VideoEngager.Integration.Tests;

/// <summary>The visitor's live status: a chat escalation waits, then shows the agent joining.</summary>
[Collection(AppCollection.Name)]
public sealed class InteractionTests(AppHostFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_escalation_streams_waiting_then_agent_joined_when_the_agent_accepts()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        var agent = await org.AddAgentAsync("Joiner", [org.Video, org.Arabic], Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);
        var created = await api.PostAsJsonAsync("/create", new
        {
            visitor = new { name = "Chat Visitor", email = "chat.visitor@example.com", phone = "+971501234567", preferredLang = "ar" },
            queueId = org.Tenant.QueueId,
            desiredTime = "now",
        }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        var bookingId = booking.GetProperty("bookingId").GetString()!;
        var manage = new Uri(booking.GetProperty("manageUrl").GetString()!);

        using var viewer = app.CreateApiClient(widgetKey: null);
        viewer.Timeout = Timeout.InfiniteTimeSpan;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        await using var stream = await viewer.GetStreamAsync($"/interactions/{bookingId}/events{manage.Query}", timeout.Token);
        await using var events = SseParser.Create(stream).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.Equal("waiting", await NextStatusAsync(events));

        using var emulator = ContactCenterOrg.Emulator(app);
        var conversationId = await EventuallyOfferedAsync(org, bookingId, agent);
        var accepted = await emulator.PostAsync($"/desktop/offers/{conversationId}/accept?agent={agent}", null, Token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        Assert.Equal("agent-joined", await NextStatusAsync(events));
        Assert.Equal(HttpStatusCode.NotFound,
            (await viewer.GetAsync($"/interactions/{bookingId}/events?token=wrong", Token)).StatusCode);
    }

    private static async Task<string> NextStatusAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        Assert.True(await events.MoveNextAsync(), "the stream ended");
        Assert.Equal("status", events.Current.EventType);
        return JsonDocument.Parse(events.Current.Data).RootElement.GetProperty("status").GetString()!;
    }

    private static async Task<string> EventuallyOfferedAsync(ContactCenterOrg org, string bookingId, Guid agent)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (await org.CallbacksOfAsync(bookingId, Token) is [var callback]
                && callback.GetProperty("status").GetString() == "offered"
                && callback.GetProperty("agentId").GetGuid() == agent)
            {
                return callback.GetProperty("id").GetString()!;
            }
            await Task.Delay(500, Token);
        }
        throw new TimeoutException("The callback was never offered to the agent.");
    }
}
