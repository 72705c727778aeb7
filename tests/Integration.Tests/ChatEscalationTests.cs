using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Npgsql;

namespace VideoEngager.Integration.Tests;

/// <summary>Start Video from a live Web Messaging chat: the video leg joins the chat's conversation.</summary>
[Collection(AppCollection.Name)]
public sealed class ChatEscalationTests(AppHostFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_video_by_message_id_adds_the_leg_to_the_chat_and_the_agent_joining_reaches_the_page()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        var agent = await org.AddAgentAsync("Chatter", [org.Video, org.Arabic], Token);
        await using var chat = await GuestChat.StartAsync(app, "Can I show you the document on video?",
            new { productLine = "Post-paid", segment = "gold" }, Token);
        var messageId = await chat.AgentSaysAsync(agent, "Of course, press Start video.", Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);

        using var created = await api.PostAsJsonAsync("/create", StartVideo(org, messageId: messageId), Token);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        var bookingId = answer.GetProperty("bookingId").GetString()!;
        Assert.Equal(("confirmed", "waiting"),
            (answer.GetProperty("status").GetString(), answer.GetProperty("interactionStatus").GetString()));
        Assert.Contains($"/rooms/{bookingId}?token=", answer.GetProperty("customerUrl").GetString(), StringComparison.Ordinal);
        var eventsUrl = new Uri(answer.GetProperty("eventsUrl").GetString()!);
        Assert.Equal($"/interactions/{bookingId}/events", eventsUrl.AbsolutePath);

        using var viewer = app.CreateApiClient(widgetKey: null);
        viewer.Timeout = Timeout.InfiniteTimeSpan;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(90));
        await using var stream = await viewer.GetStreamAsync(eventsUrl.PathAndQuery, timeout.Token);
        await using var events = SseParser.Create(stream).EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        // The leg is added from the outbox at once and a free agent alerted, so the stream may open on either.
        var first = await StatusEvents.NextAsync(events);
        Assert.Contains(first, new[] { "waiting", "offered" });

        // The leg is on the chat's conversation, with the chat's attributes under the video request's.
        var callback = await EventuallyAsync(async () =>
            (await org.CallbacksOfAsync(bookingId, Token)) is [var only] && only.GetProperty("status").GetString() == "offered" ? only : (JsonElement?)null);
        Assert.Equal(chat.ConversationId, callback.GetProperty("id").GetGuid());
        var data = callback.GetProperty("data");
        Assert.Equal(("Pre-paid", "gold", "kyc"),
            (data.GetProperty("productLine").GetString(), data.GetProperty("segment").GetString(), data.GetProperty("videoReason").GetString()));
        Assert.Contains($"/rooms/{bookingId}?token=", data.GetProperty("agentUrl").GetString(), StringComparison.Ordinal);

        // A second click while the leg waits answers with the same leg.
        using var again = await api.PostAsJsonAsync("/create", StartVideo(org, conversationId: chat.ConversationId.ToString()), Token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var same = await again.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal((bookingId, answer.GetProperty("customerUrl").GetString()),
            (same.GetProperty("bookingId").GetString(), same.GetProperty("customerUrl").GetString()));

        // The platform's events drive the stream: the agent alerted, then connected.
        if (first == "waiting")
        {
            Assert.Equal("offered", await StatusEvents.NextAsync(events));
        }
        using var emulator = ContactCenterOrg.Emulator(app);
        (await emulator.PostAsync($"/desktop/offers/{chat.ConversationId}/accept?agent={agent}", null, Token)).EnsureSuccessStatusCode();
        Assert.Equal("agent-joined", await StatusEvents.NextAsync(events));

        // One conversation for the platform and for reporting: the message and the callback sessions together.
        using var platform = await PlatformClientAsync();
        var conversation = await platform.GetFromJsonAsync<JsonElement>($"/api/v2/conversations/{chat.ConversationId}", Token);
        var participants = conversation.GetProperty("participants").EnumerateArray().ToList();
        Assert.Contains(participants, p => p.GetProperty("purpose").GetString() == "customer" && p.TryGetProperty("messages", out _));
        Assert.Contains(participants, p => p.GetProperty("purpose").GetString() == "agent" && p.TryGetProperty("callbacks", out _)
            && p.GetProperty("state").GetString() == "connected");
        var now = DateTimeOffset.UtcNow;
        using var query = await platform.PostAsJsonAsync("/api/v2/analytics/conversations/details/query", new
        {
            interval = $"{now.AddHours(-1):O}/{now.AddHours(1):O}",
            conversationFilters = new[] { new { type = "and", predicates = new[] { new { dimension = "conversationId", value = chat.ConversationId.ToString() } } } },
        }, Token);
        var reported = Assert.Single((await query.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("conversations").EnumerateArray().ToList());
        var media = reported.GetProperty("participants").EnumerateArray()
            .SelectMany(p => p.GetProperty("sessions").EnumerateArray()).Select(s => s.GetProperty("mediaType").GetString()).ToHashSet();
        Assert.Equal(["callback", "message"], media.Order());
    }

    [Fact]
    public async Task Unknown_ended_and_mismatched_chats_are_refused_naming_the_field_and_make_no_callback()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        var agent = await org.AddAgentAsync("Refuser", [org.Video, org.Arabic], Token);
        await using var first = await GuestChat.StartAsync(app, "Hello", new { productLine = "Post-paid", history = new string('h', 100) }, Token);
        var messageOfFirst = await first.AgentSaysAsync(agent, "Hi there", Token);
        await using var second = await GuestChat.StartAsync(app, "Hello again", new { productLine = "Pre-paid" }, Token);
        await second.AgentEndsAsync(agent, Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);

        await AssertRefusedAsync(api, StartVideo(org, conversationId: Guid.NewGuid().ToString()), HttpStatusCode.NotFound, "conversationId");
        await AssertRefusedAsync(api, StartVideo(org, messageId: Guid.NewGuid().ToString()), HttpStatusCode.NotFound, "messageId");
        await AssertRefusedAsync(api, StartVideo(org, conversationId: second.ConversationId.ToString()), HttpStatusCode.Conflict, "conversationId");
        await AssertRefusedAsync(api, StartVideo(org, messageId: messageOfFirst, conversationId: second.ConversationId.ToString()),
            HttpStatusCode.BadRequest, "messageId");
        // Alone within the 2 KB limit; with the chat's attributes over it.
        var tooMuch = new string('x', 1990);
        await AssertRefusedAsync(api, StartVideo(org, conversationId: first.ConversationId.ToString(), note: tooMuch),
            HttpStatusCode.BadRequest, "attributes");

        await using var db = await OpenDatabaseAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM bookings WHERE tenant_id = @tenant", db);
        count.Parameters.AddWithValue("tenant", org.Tenant.TenantId);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync(Token))!);
    }

    [Fact]
    public async Task Two_clicks_at_once_make_one_leg_and_a_platform_outage_answers_503_then_the_leg_is_retried_from_the_outbox()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        await using var chat = await GuestChat.StartAsync(app, "Video please", new { productLine = "Post-paid" }, Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);
        using var emulator = ContactCenterOrg.Emulator(app);
        var conversationPath = $"/api/v2/conversations/{chat.ConversationId}";
        try
        {
            // The platform cannot be asked whether the chat is live: nothing is written, and the page may try again.
            await FaultAsync(emulator, new { path = conversationPath, method = "GET", kind = "Status", status = 503, times = 1 });
            // Without the test clients' resilience handler, which would honour Retry-After and try again.
            using var plain = new HttpClient { BaseAddress = app.App.GetEndpoint(ResourceNames.EscalationApi, "http") };
            plain.DefaultRequestHeaders.Add("X-Tenant-Key", org.Tenant.WidgetKey);
            using var down = await plain.PostAsJsonAsync("/create", StartVideo(org, conversationId: chat.ConversationId.ToString()), Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.NotNull(down.Headers.RetryAfter);

            // The leg's create fails twice, then goes through from the outbox: one callback.
            await FaultAsync(emulator, new { path = conversationPath + "/participants/*", method = "POST", kind = "Status", status = 503, times = 2 });
            var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
                api.PostAsJsonAsync("/create", StartVideo(org, conversationId: chat.ConversationId.ToString()), Token)));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], clicks.Select(c => c.StatusCode).Order());
            var ids = await Task.WhenAll(clicks.Select(async c => (await c.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("bookingId").GetString()));
            Assert.Single(ids.Distinct());

            var callback = await EventuallyAsync(async () =>
                (await org.CallbacksOfAsync(ids[0]!, Token)) is [var only] ? only : (JsonElement?)null);
            Assert.Equal(chat.ConversationId, callback.GetProperty("id").GetGuid());
            var posts = await emulator.GetFromJsonAsync<JsonElement>($"/emulator/requests?path={conversationPath}/participants/&method=POST", Token);
            Assert.Equal(1, posts.EnumerateArray().Count(r => r.GetProperty("status").GetInt32() == 202));
        }
        finally
        {
            await emulator.DeleteAsync("/emulator/faults", CancellationToken.None);
        }
    }

    private static object StartVideo(ContactCenterOrg org, string? messageId = null, string? conversationId = null, string? note = null) => new
    {
        visitor = new { name = "Fatima Al-Ali", email = $"v-{Guid.NewGuid():N}@visitor.example", phone = "+971501234567", preferredLang = "ar" },
        queueId = org.Tenant.QueueId,
        desiredTime = "now",
        messageId,
        conversationId,
        attributes = note is null
            ? (object)new { productLine = "Pre-paid", videoReason = "kyc" }
            : new { productLine = "Pre-paid", note },
    };

    private static async Task AssertRefusedAsync(HttpClient api, object body, HttpStatusCode status, string field)
    {
        using var response = await api.PostAsJsonAsync("/create", body, Token);
        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"the problem names {field}: {problem}");
    }

    private async Task<HttpClient> PlatformClientAsync()
    {
        var platform = ContactCenterOrg.Emulator(app);
        using var login = new HttpRequestMessage(HttpMethod.Post, "/oauth/token")
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        login.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("local-client:local-secret")));
        using var answer = await platform.SendAsync(login, Token);
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("access_token").GetString();
        platform.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return platform;
    }

    private async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
        await connection.OpenAsync(Token);
        return connection;
    }

    private static async Task FaultAsync(HttpClient emulator, object fault) =>
        (await emulator.PostAsJsonAsync("/emulator/faults", fault, Token)).EnsureSuccessStatusCode();

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : struct
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, "gave up waiting");
            await Task.Delay(TimeSpan.FromMilliseconds(250), Token);
        }
    }
}
