using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MimeKit;

namespace VideoEngager.Integration.Tests.Browser;

/// <summary>
/// The room in a real browser with fake camera, microphone and screen: both parties open the links the product mailed
/// them, and really see and hear each other through the app.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class RoomBrowserTests(AppHostFixture app, Chromium chromium)
{
    private const string AgentEmail = "agent.one@test.example";
    private const string LocalTurnSecret = "local-turn-secret";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Origin => app.App.GetEndpoint(ResourceNames.EscalationApi, "http").GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task Customer_and_agent_meet_from_their_mailed_links_see_and_hear_each_other_and_hang_up()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token, intervalMinutes: 5,
            flags: new { sendCustomerEmail = true, notifyAgent = true, reminderOffsetMinutes = 10 });
        var (bookingId, visitorEmail, manage) = await BookSoonestAsync(tenant);

        using var mailbox = new Smtp4devMailbox(app.App);
        var customerUrl = RoomLink(await MailAsync(mailbox, m => m.To() == visitorEmail), bookingId);
        var agentUrl = RoomLink(await MailAsync(mailbox, m => m.IsFrom(tenant) && m.To() == AgentEmail), bookingId);
        Assert.NotEqual(customerUrl, agentUrl);

        var customer = new RoomPage(await chromium.NewPageAsync(Origin));
        var agent = new RoomPage(await chromium.NewPageAsync(Origin));
        await customer.Page.GotoAsync(customerUrl);
        await Assertions.Expect(customer.Button("Microphone")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(customer.Button("Camera")).ToHaveAttributeAsync("aria-pressed", "true");
        await customer.ScreenshotAsync("room-prejoin-customer");
        await customer.JoinAsync();
        await Assertions.Expect(customer.Status).ToContainTextAsync("Waiting for the agent");

        await agent.Page.GotoAsync(agentUrl);
        await agent.JoinAsync();
        await agent.WaitForMediaAsync();
        var customerMedia = await customer.WaitForMediaAsync();
        await Assertions.Expect(customer.Status).ToContainTextAsync("Connected");
        await Assertions.Expect(agent.Page.GetByText("Layla Haddad")).ToBeVisibleAsync(); // the agent sees who they meet
        await customer.ScreenshotAsync("room-call-customer");
        await agent.ScreenshotAsync("room-call-agent");

        // Audio keeps flowing: packets grow.
        await customer.WaitForMediaAsync(customerMedia.FramesDecoded, customerMedia.PacketsReceived);

        await customer.Button("Microphone").ClickAsync();
        await Assertions.Expect(customer.Button("Microphone")).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(agent.Status).ToContainTextAsync("The customer is muted");
        await customer.Button("Microphone").ClickAsync();

        // Screen share replaces the agent's camera track: the customer keeps decoding frames from it.
        await agent.Button("Share screen").ClickAsync();
        await Assertions.Expect(agent.Button("Share screen")).ToHaveAttributeAsync("aria-pressed", "true");
        var beforeShare = await customer.StatsAsync();
        await customer.WaitForMediaAsync(beforeShare!.FramesDecoded + 10);
        await customer.ScreenshotAsync("room-screen-share-customer");
        await agent.Button("Share screen").ClickAsync();
        await Assertions.Expect(agent.Button("Share screen")).ToHaveAttributeAsync("aria-pressed", "false");

        await customer.Page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync("Can you see my documents?");
        await customer.Button("Send").ClickAsync();
        await Assertions.Expect(agent.Page.GetByRole(AriaRole.Log, new() { Name = "Chat messages" }))
            .ToContainTextAsync("Can you see my documents?");

        var axe = await customer.Page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        // A reload is not leaving: the customer's page comes back and media flows again.
        await customer.Page.ReloadAsync();
        await customer.JoinAsync();
        await customer.WaitForMediaAsync();

        using var viewer = app.CreateApiClient(widgetKey: null);
        viewer.Timeout = Timeout.InfiniteTimeSpan;
        await using var stream = await viewer.GetStreamAsync($"/interactions/{bookingId}/events{manage.Query}", Token);
        await using var events = SseParser.Create(stream).EnumerateAsync(Token).GetAsyncEnumerator(Token);
        Assert.Equal("agent-joined", await StatusEvents.NextAsync(events));

        await agent.Button("Leave call").ClickAsync();
        await Assertions.Expect(customer.Status).ToContainTextAsync("The other party left");
        Assert.Equal("ended", await StatusEvents.NextAsync(events));

        await customer.Page.Context.CloseAsync();
        await agent.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_arabic_call_forced_through_the_local_turn_relay_still_connects()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var call = await EscalateAsync(tenant, preferredLang: "ar");
        var agentToken = await RoomTests.AgentTokenAsync(app, call.BookingId);

        var customer = new RoomPage(await chromium.NewPageAsync(Origin, width: 360, height: 740, locale: "ar"));
        var agent = new RoomPage(await chromium.NewPageAsync(Origin));
        await customer.Page.GotoAsync($"{call.CustomerUrl}&transport=relay");
        await Assertions.Expect(customer.Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(customer.Page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await customer.ScreenshotAsync("room-prejoin-customer-ar-360");
        var axe = await customer.Page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
        await customer.Button("الانضمام إلى المكالمة").ClickAsync(); // Join call, in Arabic

        await agent.Page.GotoAsync($"{Origin}/rooms/{call.BookingId}?token={Uri.EscapeDataString(agentToken)}&transport=relay");
        await Assertions.Expect(agent.Page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
        await agent.JoinAsync();

        Assert.Equal("relay", (await customer.WaitForMediaAsync()).LocalCandidateType);
        Assert.Equal("relay", (await agent.WaitForMediaAsync()).LocalCandidateType);
        await customer.ScreenshotAsync("room-call-customer-ar-360");

        await customer.Page.Context.CloseAsync();
        await agent.Page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_local_turn_server_refuses_a_credential_of_another_booking_or_past_its_expiry()
    {
        var page = await chromium.NewPageAsync(Origin);
        var turnPort = await TurnPortAsync();
        var future = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var past = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds();
        var valid = Credential($"{future}:bk_aaaaaaaaaaaaaaaaaaaaaaaa");

        Assert.True(await GathersRelayAsync(page, turnPort, valid.Username, valid.Password), "a valid credential is refused");
        // Another booking's name with this booking's password: the HMAC no longer matches.
        Assert.False(await GathersRelayAsync(page, turnPort, $"{future}:bk_bbbbbbbbbbbbbbbbbbbbbbbb", valid.Password));
        var expired = Credential($"{past}:bk_aaaaaaaaaaaaaaaaaaaaaaaa");
        Assert.False(await GathersRelayAsync(page, turnPort, expired.Username, expired.Password));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Early_cancelled_and_invalid_rooms_show_a_page_a_person_understands()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var requests = new BookingRequests(app, tenant);
        var call = await requests.BookAsync(TestTenant.Slot(daysAhead: 2, hour: 10), Token);
        var page = await chromium.NewPageAsync(Origin);

        var early = await page.GotoAsync(call.CustomerUrl);
        Assert.Equal(200, early!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("UTC").First).ToBeVisibleAsync(); // the queue's zone is named
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "room-early.png"), FullPage = true });

        await requests.CancelAsync(call, Token);
        var cancelled = await page.GotoAsync(call.CustomerUrl);
        Assert.Equal(410, cancelled!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Manage booking" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "room-cancelled.png"), FullPage = true });

        var invalid = await page.GotoAsync($"{Origin}/rooms/{call.BookingId}?token=not-the-token");
        Assert.Equal(404, invalid!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link is not valid" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "room-invalid.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }

    private async Task<(string BookingId, string VisitorEmail, Uri Manage)> BookSoonestAsync(TestTenant tenant)
    {
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var calendar = await api.GetFromJsonAsync<JsonElement>($"/availability?queueId={tenant.QueueId}&days=2", Token);
        var slot = calendar.GetProperty("slots").EnumerateArray().First(s => s.GetProperty("status").GetString() == "open")
            .GetProperty("start").GetString()!;
        return await BookAsync(app, tenant, slot);
    }

    internal static async Task<(string BookingId, string VisitorEmail, Uri Manage)> BookAsync(AppHostFixture app, TestTenant tenant, string slot)
    {
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var email = $"v-{Guid.NewGuid():N}@visitor.example";
        var created = await api.PostAsJsonAsync("/create", new
        {
            visitor = new { name = "Layla Haddad", email, phone = "+971501234567", preferredLang = "en" },
            queueId = tenant.QueueId,
            scheduledTime = slot,
            attributes = new { productLine = "Post-paid" },
        }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        return (booking.GetProperty("bookingId").GetString()!, email, new Uri(booking.GetProperty("manageUrl").GetString()!));
    }

    private async Task<BookedCall> EscalateAsync(TestTenant tenant, string preferredLang)
    {
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var created = await api.PostAsJsonAsync("/create", new
        {
            visitor = new { name = "فاطمة العلي", email = $"v-{Guid.NewGuid():N}@visitor.example", phone = "+971501234567", preferredLang },
            queueId = tenant.QueueId,
            desiredTime = "now",
        }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        return new BookedCall(booking.GetProperty("bookingId").GetString()!, booking.GetProperty("customerUrl").GetString()!,
            new Uri(booking.GetProperty("manageUrl").GetString()!), "");
    }

    internal static async Task<MimeMessage> MailAsync(Smtp4devMailbox mailbox, Func<MimeMessage, bool> match) =>
        (await mailbox.WaitForAsync(m => match(m) && (m.TextBody ?? "").Contains("/rooms/", StringComparison.Ordinal), 1,
            TimeSpan.FromSeconds(60), Token))[0];

    internal static string RoomLink(MimeMessage message, string bookingId)
    {
        var link = RoomLinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value).First(l => l.Contains(bookingId, StringComparison.Ordinal));
        return WebUtility.HtmlDecode(link);
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/rooms/[^\s""<>?]+\?token=[A-Za-z0-9_%-]+")]
    private static partial Regex RoomLinkPattern();

    private async Task<int> TurnPortAsync()
    {
        var turn = await ProcessEnvironments.WatchAsync(app,
            process => process.Resource == ResourceNames.EscalationApi
                && process.Environment.GetValueOrDefault("Rooms__IceServers__0__Urls__0") is not null,
            seen => seen.Count >= 1, Token);
        var url = turn.Values.First().Environment["Rooms__IceServers__0__Urls__0"]!; // turn:127.0.0.1:PORT?transport=udp
        return int.Parse(url.Split(':')[2].Split('?')[0], CultureInfo.InvariantCulture);
    }

    private static (string Username, string Password) Credential(string username)
    {
        // coturn's use-auth-secret scheme, computed here independently of the app's own code.
#pragma warning disable CA5350 // coturn's scheme is HMAC-SHA1
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(LocalTurnSecret), Encoding.UTF8.GetBytes(username));
#pragma warning restore CA5350
        return (username, Convert.ToBase64String(mac));
    }

    /// <summary>Gathers candidates through the TURN server only: a relay candidate means coturn accepted the credential.</summary>
    private static async Task<bool> GathersRelayAsync(IPage page, int port, string username, string password) =>
        await page.EvaluateAsync<bool>("""
            async ([url, username, credential]) => {
              const pc = new RTCPeerConnection({ iceServers: [{ urls: [url], username, credential }], iceTransportPolicy: 'relay' });
              pc.createDataChannel('probe');
              let relay = false;
              const done = new Promise(resolve => {
                pc.onicecandidate = e => { if (e.candidate && e.candidate.type === 'relay') relay = true; if (!e.candidate) resolve(); };
                setTimeout(resolve, 8000);
              });
              await pc.setLocalDescription(await pc.createOffer());
              await done;
              pc.close();
              return relay;
            }
            """, new[] { $"turn:127.0.0.1:{port}?transport=udp", username, password });
}
