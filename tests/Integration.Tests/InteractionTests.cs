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

        // A free agent is alerted at once, so the stream may start there.
        Assert.Contains(await StatusEvents.NextAsync(events), new[] { "waiting", "offered" });

        using var emulator = ContactCenterOrg.Emulator(app);
        var conversationId = await EventuallyOfferedAsync(org, bookingId, agent);
        var accepted = await emulator.PostAsync($"/desktop/offers/{conversationId}/accept?agent={agent}", null, Token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        Assert.Equal("agent-joined", await NextStatusAfterOfferAsync(events));
        Assert.Equal(HttpStatusCode.NotFound,
            (await viewer.GetAsync($"/interactions/{bookingId}/events?token=wrong", Token)).StatusCode);
    }

    [Fact]
    public async Task Two_hundred_open_status_pages_cost_the_platform_no_reads_and_a_lost_event_socket_is_recovered()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        var agent = await org.AddAgentAsync("Watcher", [org.Video, org.Arabic], Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);
        var created = await api.PostAsJsonAsync("/create", new
        {
            visitor = new { name = "Many Pages", email = "many.pages@example.com", phone = "+971501234567", preferredLang = "ar" },
            queueId = org.Tenant.QueueId,
            desiredTime = "now",
        }, Token);
        var booking = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        var bookingId = booking.GetProperty("bookingId").GetString()!;
        var events = new Uri(booking.GetProperty("eventsUrl").GetString()!).PathAndQuery;
        var conversationId = await EventuallyOfferedAsync(org, bookingId, agent);
        using var emulator = ContactCenterOrg.Emulator(app);
        (await emulator.DeleteAsync("/emulator/requests", Token)).EnsureSuccessStatusCode();

        using var viewer = app.CreateApiClient(widgetKey: null);
        viewer.Timeout = Timeout.InfiniteTimeSpan;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        var pages = new List<IAsyncEnumerator<SseItem<string>>>();
        var streams = new List<Stream>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                var stream = await viewer.GetStreamAsync(events, timeout.Token);
                streams.Add(stream);
                var page = SseParser.Create(stream).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
                Assert.Equal("offered", await StatusEvents.NextAsync(page));
                pages.Add(page);
            }
            await Task.Delay(TimeSpan.FromSeconds(20), Token);
            var reads = await emulator.GetFromJsonAsync<JsonElement>("/emulator/requests?path=/api/v2/conversations/callbacks/&method=GET", Token);
            Assert.True(reads.GetArrayLength() <= 5, $"{reads.GetArrayLength()} platform reads for 200 open pages in 20 s");

            // The event socket is lost; the agent accepts meanwhile: every page still hears it.
            (await emulator.DeleteAsync("/emulator/notifications/sockets", Token)).EnsureSuccessStatusCode();
            (await emulator.PostAsync($"/desktop/offers/{conversationId}/accept?agent={agent}", null, Token)).EnsureSuccessStatusCode();
            foreach (var page in pages)
            {
                Assert.Equal("agent-joined", await StatusEvents.NextAsync(page));
            }
        }
        finally
        {
            foreach (var page in pages)
            {
                await page.DisposeAsync();
            }
            foreach (var stream in streams)
            {
                await stream.DisposeAsync();
            }
        }
    }

    /// <summary>The next status past <c>offered</c>, which may show while an agent is alerted.</summary>
    private static async Task<string> NextStatusAfterOfferAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        string status;
        do
        {
            status = await StatusEvents.NextAsync(events);
        }
        while (status == "offered");
        return status;
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
