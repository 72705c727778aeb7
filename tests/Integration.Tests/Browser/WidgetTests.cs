using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace VideoEngager.Integration.Tests.Browser;

/// <summary>
/// widget.js on a tenant's own site (another origin, served here by Playwright): booking in the calendar frame, Start
/// Video into a live chat, and a site the tenant does not list getting nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WidgetTests(AppHostFixture app, Chromium chromium)
{
    private const string Shop = "http://shop.example";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Origin => app.App.GetEndpoint(ResourceNames.EscalationApi, "http").GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_tenants_site_books_through_the_widget_and_hears_booked_without_its_styles_leaking_in()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token, allowedOrigins: [Shop]);
        var page = await HostPageAsync(Shop, tenant.WidgetKey);

        var collected = await page.EvaluateAsync<bool>("""
            () => {
              window.__events = [];
              for (const type of ['booked', 'error']) VideoEngager.on(type, detail => window.__events.push({ type, detail }));
              const result = VideoEngager.scheduleWidget.collect({ name: 'Layla Haddad', email: 'layla.widget@example.com',
                phone: '+971501234567', preferredLang: 'en', productLine: 'Post-paid' });
              return result.ok;
            }
            """);
        Assert.True(collected);
        await page.EvaluateAsync($"() => VideoEngager.scheduleWidget.openCalendar({{ queueId: '{tenant.QueueId}', lang: 'en', container: '#booking' }})");

        var frame = page.FrameLocator("iframe[title='Book a video appointment']");
        // collect() filled the form in the frame: one click shows the times.
        await Assertions.Expect(frame.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Layla Haddad");
        await frame.GetByRole(AriaRole.Button, new() { Name = "Show available times" }).ClickAsync();
        await frame.GetByRole(AriaRole.Grid, new() { Name = "Available times" })
            .GetByRole(AriaRole.Gridcell, new() { NameRegex = new System.Text.RegularExpressions.Regex(", open") }).First.ClickAsync();
        await frame.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Assertions.Expect(frame.GetByRole(AriaRole.Region, new() { Name = "Booking confirmed" })).ToBeVisibleAsync();

        var booked = await EventAsync(page, "booked");
        Assert.StartsWith("bk_", booked.GetProperty("detail").GetProperty("bookingId").GetString(), StringComparison.Ordinal);
        // The host's rule for every iframe stops at the widget's shadow root.
        var border = await page.EvaluateAsync<string>(
            "() => getComputedStyle(document.querySelector('videoengager-widget').shadowRoot.querySelector('iframe')).borderTopWidth");
        Assert.Equal("0px", border);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "widget-booked-1280.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Start_video_from_the_widget_joins_the_chat_and_a_site_not_listed_gets_nothing()
    {
        // The shop's tenant, with a queue the platform knows: the leg waits there (the agent never takes it).
        var org = await ContactCenterOrg.CreateAsync(app, Token, allowedOrigins: [Shop]);
        var tenant = org.Tenant;
        var agent = await org.AddAgentAsync("Widgeteer", [org.Video, org.Arabic], Token, languages: ["Arabic", "English"]);
        await using var chat = await GuestChat.StartAsync(app, "Can we see each other?", new { productLine = "Post-paid" }, Token);
        var messageId = await chat.AgentSaysAsync(agent, "Sure, start the video.", Token);

        // A tenant that lists another site only: its key from the shop's page is refused.
        var elsewhere = await TestTenant.CreateAsync(app, capacity: 2, Token, allowedOrigins: ["http://elsewhere.example"]);
        var refused = await HostPageAsync(Shop, elsewhere.WidgetKey);
        var error = await WithinAsync(refused.EvaluateAsync<JsonElement>($$"""
            () => new Promise(resolve => {
              VideoEngager.on('error', detail => resolve(detail));
              VideoEngager.scheduleWidget.collect({ name: 'Layla Haddad', email: 'layla@example.com', phone: '+971501234567' });
              VideoEngager.startVideoChatSession('{{messageId}}', { queueId: '{{elsewhere.QueueId}}' }).catch(() => {});
            })
            """));
        Assert.Equal("origin-not-allowed", error.GetProperty("code").GetString());
        await refused.Context.CloseAsync();

        // A tenant that lists the shop: Start Video joins the chat and shows the call, waiting for an agent.
        await using var ownChat = await GuestChat.StartAsync(app, "Video please", new { productLine = "Post-paid" }, Token);
        var ownMessage = await ownChat.AgentSaysAsync(agent, "Of course.", Token);
        var page = await HostPageAsync(Shop, tenant.WidgetKey);
        var started = await WithinAsync(page.EvaluateAsync<JsonElement>($$"""
            () => new Promise((resolve, reject) => {
              VideoEngager.on('videoStarted', detail => resolve(detail));
              VideoEngager.on('error', detail => reject(new Error(detail.code + ': ' + detail.message)));
              VideoEngager.scheduleWidget.collect({ name: 'Layla Haddad', email: 'layla@example.com', phone: '+971501234567' });
              VideoEngager.startVideoChatSession('{{ownMessage}}', { queueId: '{{tenant.QueueId}}', attributes: { productLine: 'Pre-paid' } });
            })
            """));
        Assert.StartsWith("bk_", started.GetProperty("bookingId").GetString(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("iframe[title='Video call']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Waiting for an agent")).ToBeVisibleAsync();
        await Assertions.Expect(page.FrameLocator("iframe[title='Video call']").GetByRole(AriaRole.Button, new() { Name = "Join call" }))
            .ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ScreenshotFolder, "widget-video-1280.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    /// <summary>A page of the tenant's own site, with the widget's script tag and a host style that must not leak in.</summary>
    private async Task<IPage> HostPageAsync(string site, string widgetKey)
    {
        var page = await chromium.NewPageAsync(Origin);
        await page.RouteAsync($"{site}/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $$"""
                <!doctype html><html lang="en"><head><title>Shop</title>
                <style>iframe { border: 10px solid red; } p { color: rgb(255, 0, 0); }</style></head>
                <body><h1>Our shop</h1><div id="booking"></div>
                <script src="{{Origin}}/widget.js" data-key="{{widgetKey}}"></script></body></html>
                """,
        }));
        await page.GotoAsync($"{site}/");
        await page.WaitForFunctionAsync("() => !!window.VideoEngager");
        return page;
    }

    /// <summary>A page promise that never settles fails the test instead of holding the run.</summary>
    private static Task<T> WithinAsync<T>(Task<T> evaluation) => evaluation.WaitAsync(TimeSpan.FromSeconds(30), Token);

    private static async Task<JsonElement> EventAsync(IPage page, string type)
    {
        var handle = await page.WaitForFunctionAsync($"() => (window.__events || []).find(e => e.type === '{type}')");
        return await handle.JsonValueAsync<JsonElement>();
    }
}
