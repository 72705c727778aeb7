using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace VideoEngager.Integration.Tests.Browser;

/// <summary>The hosted chat page: a guest chats over Web Messaging, then starts video in the same conversation.</summary>
[Collection(AppCollection.Name)]
public sealed class ChatPageTests(AppHostFixture app, Chromium chromium)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Origin => app.App.GetEndpoint(ResourceNames.EscalationApi, "http").GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_guest_chats_starts_video_in_the_same_conversation_and_sees_the_agent_join()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        var agent = await org.AddAgentAsync("Pager", [org.Video, org.Arabic], Token, languages: ["Arabic", "English"]);
        var page = await chromium.NewPageAsync(Origin);
        await page.GotoAsync($"{Origin}/chat?queueId={org.Tenant.QueueId}&lang=en&key={org.Tenant.WidgetKey}");

        var log = page.GetByRole(AriaRole.Log, new() { Name = "Conversation" });
        await Assertions.Expect(page.GetByText("Connected. An agent will answer shortly.")).ToBeVisibleAsync();
        var hello = $"Hello, I have a question ({Guid.NewGuid():N})";
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Message" }).FillAsync(hello);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(log).ToContainTextAsync(hello);

        using var emulator = ContactCenterOrg.Emulator(app);
        var conversationId = await ConversationWithAsync(emulator, hello);
        (await emulator.PostAsJsonAsync($"/desktop/messaging/{conversationId}/reply?agent={agent}",
            new { text = "Good morning, how can I help?" }, Token)).EnsureSuccessStatusCode();
        await Assertions.Expect(log).ToContainTextAsync("Good morning, how can I help?");
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("chat-1280"), FullPage = true });

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Layla Haddad");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync($"v-{Guid.NewGuid():N}@visitor.example");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("501234567");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start video" }).ClickAsync();

        var call = page.Locator("iframe[title='Video call']");
        await Assertions.Expect(call).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Waiting for an agent")).ToBeVisibleAsync();
        await Assertions.Expect(call.ContentFrame.GetByRole(AriaRole.Button, new() { Name = "Join call" })).ToBeVisibleAsync();

        // The video leg is on the chat's own conversation; the agent takes it from the desktop.
        await EventuallyOfferedAsync(emulator, conversationId);
        (await emulator.PostAsync($"/desktop/offers/{conversationId}/accept?agent={agent}", null, Token)).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByText("An agent has joined. Join the call when you are ready.")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("chat-video-1280"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_arabic_chat_page_is_right_to_left_and_fits_a_phone()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var page = await chromium.NewPageAsync(Origin, width: 360, height: 780, locale: "ar");
        await page.GotoAsync($"{Origin}/chat?queueId={tenant.QueueId}&lang=ar&key={tenant.WidgetKey}");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.GetByRole(AriaRole.Log, new() { Name = "المحادثة" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "بدء الفيديو" })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "the page scrolls sideways at 360 px");
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("chat-ar-360"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private static async Task<Guid> ConversationWithAsync(HttpClient emulator, string text)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var sessions = await emulator.GetFromJsonAsync<JsonElement>("/emulator/messaging", Token);
            foreach (var session in sessions.EnumerateArray())
            {
                if (session.GetProperty("messages").EnumerateArray().Any(m => m.TryGetProperty("text", out var t) && t.GetString() == text))
                {
                    return session.GetProperty("conversationId").GetGuid();
                }
            }
            await Task.Delay(250, Token);
        }
        throw new TimeoutException("The guest's message never reached the platform.");
    }

    private static async Task EventuallyOfferedAsync(HttpClient emulator, Guid conversationId)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var callbacks = await emulator.GetFromJsonAsync<JsonElement>("/emulator/callbacks", Token);
            if (callbacks.EnumerateArray().Any(c => c.GetProperty("id").GetGuid() == conversationId && c.GetProperty("status").GetString() == "offered"))
            {
                return;
            }
            await Task.Delay(250, Token);
        }
        throw new TimeoutException("The video leg was never offered to the agent.");
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }

    private static string Shot(string name) => Path.Combine(Chromium.ScreenshotFolder, name + ".png");
}
