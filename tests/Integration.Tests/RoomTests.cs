using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Npgsql;

namespace VideoEngager.Integration.Tests;

/// <summary>The room behind every room link: its pages by state, its headers, and its signalling.</summary>
[Collection(AppCollection.Name)]
public sealed partial class RoomTests(AppHostFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_escalation_room_is_open_for_both_parties_each_by_their_own_token()
    {
        var (call, agentToken) = await EscalateAsync();
        using var browser = app.CreateApiClient(widgetKey: null);

        var customer = await browser.GetAsync(RoomPath(call.BookingId, CustomerToken(call)), Token);
        Assert.Equal(HttpStatusCode.OK, customer.StatusCode);
        var customerPage = await customer.Content.ReadAsStringAsync(Token);
        Assert.Equal("open", Attribute(customerPage, "data-state"));
        Assert.Equal("customer", Attribute(customerPage, "data-party"));
        Assert.Equal("en", Attribute(customerPage, "lang"));
        Assert.Contains("/bookings/" + call.BookingId, Attribute(customerPage, "data-manage-url"));

        var agentPage = await browser.GetStringAsync(RoomPath(call.BookingId, agentToken), Token);
        Assert.Equal("agent", Attribute(agentPage, "data-party"));
        Assert.Equal("", Attribute(agentPage, "data-manage-url")); // the agent gets no customer links
        Assert.DoesNotContain("Layla", agentPage); // nor the customer's name in the page: that comes over signalling
    }

    [Fact]
    public async Task The_room_page_is_sent_with_strict_headers()
    {
        var (call, _) = await EscalateAsync();
        using var browser = app.CreateApiClient(widgetKey: null);
        var page = await browser.GetAsync(RoomPath(call.BookingId, CustomerToken(call)), Token);

        var csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("camera=(self), microphone=(self), display-capture=(self)", page.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(page.Headers.CacheControl?.NoStore);
        var script = await browser.GetAsync("/rooms/room.js", Token);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("no-referrer", script.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task A_link_that_is_not_valid_is_a_plain_404_whichever_part_is_wrong()
    {
        var (call, _) = await EscalateAsync();
        using var browser = app.CreateApiClient(widgetKey: null);
        var manageToken = call.ManageUrl.Query["?token=".Length..];
        foreach (var path in new[]
        {
            RoomPath(call.BookingId, "wrong"), RoomPath("bk_000000000000000000000000", CustomerToken(call)),
            RoomPath(call.BookingId, manageToken), $"/rooms/{call.BookingId}",
        })
        {
            var page = await browser.GetAsync(path, Token);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync(Token);
            Assert.Equal("invalid", Attribute(html, "data-state"));
            Assert.Equal("", Attribute(html, "data-party"));
        }
    }

    [Fact]
    public async Task A_scheduled_room_is_early_until_ten_minutes_before_then_cancelled_or_closed_pages_are_410()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var requests = new BookingRequests(app, tenant);
        var call = await requests.BookAsync(TestTenant.Slot(daysAhead: 3, hour: 10), Token);
        using var browser = app.CreateApiClient(widgetKey: null);

        var early = await browser.GetAsync(RoomPath(call.BookingId, CustomerToken(call)), Token);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var earlyPage = await early.Content.ReadAsStringAsync(Token);
        Assert.Equal("early", Attribute(earlyPage, "data-state"));
        Assert.Equal("UTC", Attribute(earlyPage, "data-queue-zone"));
        Assert.Equal(TestTenant.Slot(3, 10).AddMinutes(-10), DateTime.Parse(Attribute(earlyPage, "data-opens-at"), null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Contains("/ics?token=", Attribute(earlyPage, "data-ics-url"));

        await requests.CancelAsync(call, Token);
        var cancelled = await browser.GetAsync(RoomPath(call.BookingId, CustomerToken(call)), Token);
        Assert.Equal(HttpStatusCode.Gone, cancelled.StatusCode);
        Assert.Equal("cancelled", Attribute(await cancelled.Content.ReadAsStringAsync(Token), "data-state"));

        var (past, _) = await EscalateAsync();
        await using (var db = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token)))
        {
            await db.OpenAsync(Token);
            await using var move = new NpgsqlCommand(
                "UPDATE bookings SET scheduled_time = now() - interval '3 hours' WHERE id = @id", db);
            move.Parameters.AddWithValue("id", past.BookingId);
            await move.ExecuteNonQueryAsync(Token);
        }
        var closed = await browser.GetAsync(RoomPath(past.BookingId, CustomerToken(past)), Token);
        Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);
        Assert.Equal("closed", Attribute(await closed.Content.ReadAsStringAsync(Token), "data-state"));
        var signal = await Assert.ThrowsAsync<WebSocketException>(() =>
            RoomSignal.ConnectAsync(Edge, past.BookingId, CustomerToken(past), Token));
        Assert.Contains("410", signal.Message);
    }

    [Fact]
    public async Task Signalling_refuses_a_wrong_token_and_the_manage_token()
    {
        var (call, _) = await EscalateAsync();
        foreach (var token in new[] { "wrong", call.ManageUrl.Query["?token=".Length..] })
        {
            var refused = await Assert.ThrowsAsync<WebSocketException>(() => RoomSignal.ConnectAsync(Edge, call.BookingId, token, Token));
            Assert.Contains("404", refused.Message);
        }
    }

    [Fact]
    public async Task Two_parties_meet_exchange_messages_and_a_hang_up_ends_the_interaction()
    {
        var (call, agentToken) = await EscalateAsync();
        await using var customer = await RoomSignal.ConnectAsync(Edge, call.BookingId, CustomerToken(call), Token);
        var welcome = await customer.ReceiveAsync("welcome", Token);
        Assert.Equal("customer", (string?)welcome["party"]);
        Assert.True((bool)welcome["polite"]!);
        Assert.Null(welcome["booking"]!["customerName"]); // the customer is not told their own data back
        var turn = welcome["iceServers"]!.AsArray().Single()!;
        Assert.StartsWith("turn:127.0.0.1:", (string?)turn["urls"]![0]);
        Assert.EndsWith(":" + call.BookingId, (string?)turn["username"]);
        Assert.False(string.IsNullOrEmpty((string?)turn["credential"]));

        await using var agent = await RoomSignal.ConnectAsync(Edge, call.BookingId, agentToken, Token);
        var agentWelcome = await agent.ReceiveAsync("welcome", Token);
        Assert.Equal("agent", (string?)agentWelcome["party"]);
        Assert.False((bool)agentWelcome["polite"]!);
        Assert.Equal("Layla Haddad", (string?)agentWelcome["booking"]!["customerName"]);
        Assert.Equal("Test queue", (string?)agentWelcome["booking"]!["queueName"]);
        await customer.ReceiveAsync("peer-joined", Token); // the agent arrived
        await agent.ReceiveAsync("peer-joined", Token); // the customer was already there

        await customer.SendAsync(new { type = "chat", text = "Hello, can you see me?" }, Token);
        var chat = await agent.ReceiveAsync("chat", Token);
        Assert.Equal("Hello, can you see me?", (string?)chat["text"]);
        await agent.SendAsync(new { type = "state", muted = true, cameraOff = false, sharing = false }, Token);
        Assert.True((bool)(await customer.ReceiveAsync("state", Token))["muted"]!);
        await agent.SendAsync(new { type = "exec", command = "rm" }, Token);
        Assert.Equal("unknown-type", (string?)(await agent.ReceiveAsync("error", Token))["reason"]);

        using var api = app.CreateApiClient(widgetKey: null);
        var booking = await api.GetFromJsonAsync<JsonElement>(call.ManageUrl.PathAndQuery, Token);
        Assert.Equal(JsonValueKind.String, booking.GetProperty("presence").GetProperty("customer").GetProperty("joinedAt").ValueKind);
        Assert.Equal(JsonValueKind.String, booking.GetProperty("presence").GetProperty("agent").GetProperty("joinedAt").ValueKind);

        using var viewer = app.CreateApiClient(widgetKey: null);
        viewer.Timeout = Timeout.InfiniteTimeSpan;
        await using var stream = await viewer.GetStreamAsync($"/interactions/{call.BookingId}/events{call.ManageUrl.Query}", Token);
        await using var events = SseParser.Create(stream).EnumerateAsync(Token).GetAsyncEnumerator(Token);
        Assert.Equal("agent-joined", await StatusEvents.NextAsync(events));

        await agent.SendAsync(new { type = "leave" }, Token);
        Assert.Equal("left", (string?)(await customer.ReceiveAsync("peer-left", Token))["reason"]);
        Assert.Equal("ended", await StatusEvents.NextAsync(events));

        // The customer's page reconnecting afterwards (a reload) neither joins anew nor undoes the hang-up.
        await using var reloaded = await RoomSignal.ConnectAsync(Edge, call.BookingId, CustomerToken(call), Token);
        await reloaded.ReceiveAsync("welcome", Token);
        await using var again = await viewer.GetStreamAsync($"/interactions/{call.BookingId}/events{call.ManageUrl.Query}", Token);
        await using var replay = SseParser.Create(again).EnumerateAsync(Token).GetAsyncEnumerator(Token);
        Assert.Equal("ended", await StatusEvents.NextAsync(replay));
    }

    [Fact]
    public async Task A_second_connection_of_a_party_takes_over_and_the_first_is_told()
    {
        var (call, agentToken) = await EscalateAsync();
        await using var agent = await RoomSignal.ConnectAsync(Edge, call.BookingId, agentToken, Token);
        await agent.ReceiveAsync("welcome", Token);
        await using var first = await RoomSignal.ConnectAsync(Edge, call.BookingId, CustomerToken(call), Token);
        await first.ReceiveAsync("welcome", Token);
        await agent.ReceiveAsync("peer-joined", Token);

        await using var second = await RoomSignal.ConnectAsync(Edge, call.BookingId, CustomerToken(call), Token);
        await second.ReceiveAsync("welcome", Token);
        await first.ReceiveAsync("taken-over", Token);
        Assert.Null(await first.ReceiveAsync(Token));
        Assert.Equal(4001, (int?)first.Socket.CloseStatus);

        // The agent keeps talking to the customer's newer page, never told the customer left.
        await agent.SendAsync(new { type = "chat", text = "still there?" }, Token);
        Assert.Equal("still there?", (string?)(await second.ReceiveAsync("chat", Token))["text"]);
    }

    [Fact]
    public async Task A_flood_of_messages_is_refused_past_the_rate_limit_and_the_connection_stays()
    {
        var (call, _) = await EscalateAsync();
        await using var customer = await RoomSignal.ConnectAsync(Edge, call.BookingId, CustomerToken(call), Token);
        await customer.ReceiveAsync("welcome", Token);
        for (var i = 0; i < 400; i++) // the burst is 200
        {
            await customer.SendAsync(new { type = "state", muted = i % 2 == 0, cameraOff = false, sharing = false }, Token);
        }
        Assert.Equal("rate-limited", (string?)(await customer.ReceiveAsync("error", Token))["reason"]);
        Assert.Equal(WebSocketState.Open, customer.Socket.State);
    }

    [Fact]
    public async Task Signalling_messages_over_the_size_limit_close_the_connection()
    {
        var (call, _) = await EscalateAsync();
        await using var customer = await RoomSignal.ConnectAsync(Edge, call.BookingId, CustomerToken(call), Token);
        await customer.ReceiveAsync("welcome", Token);
        await customer.SendAsync(new { type = "chat", text = new string('x', 40_000) }, Token);
        Assert.Equal("too-large", (string?)(await customer.ReceiveAsync("error", Token))["reason"]);
        Assert.Null(await customer.ReceiveAsync(Token));
        Assert.Equal(4008, (int?)customer.Socket.CloseStatus);
    }

    private Uri Edge => app.App.GetEndpoint(ResourceNames.EscalationApi, "http");

    private async Task<(BookedCall Call, string AgentToken)> EscalateAsync()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var call = await new BookingRequests(app, tenant).EscalateAsync(Token);
        return (call, await AgentTokenAsync(app, call.BookingId));
    }

    /// <summary>The agent's token travels only in the callback's data and the agent invite; tests read it at the source.</summary>
    internal static async Task<string> AgentTokenAsync(AppHostFixture app, string bookingId)
    {
        await using var db = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
        await db.OpenAsync(Token);
        await using var read = new NpgsqlCommand("SELECT agent_token FROM bookings WHERE id = @id", db);
        read.Parameters.AddWithValue("id", bookingId);
        return (string)(await read.ExecuteScalarAsync(Token))!;
    }

    internal static string CustomerToken(BookedCall call) => new Uri(call.CustomerUrl).Query["?token=".Length..];

    private static string RoomPath(string bookingId, string token) => $"/rooms/{bookingId}?token={Uri.EscapeDataString(token)}";

    private static string Attribute(string html, string name)
    {
        var match = HtmlTag().Match(html);
        Assert.True(match.Success, "no <html> element");
        var attribute = Regex.Match(match.Value, $"""\s{Regex.Escape(name)}="([^"]*)" """.TrimEnd());
        Assert.True(attribute.Success, $"no {name} on <html>");
        return WebUtility.HtmlDecode(attribute.Groups[1].Value);
    }

    [GeneratedRegex("<html[^>]*>")]
    private static partial Regex HtmlTag();
}
