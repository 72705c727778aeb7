using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace VideoEngager.Integration.Tests.Browser;

/// <summary>The hosted booking page: a visitor fills the form, picks a time and confirms — two clicks from the calendar.</summary>
[Collection(AppCollection.Name)]
public sealed class BookingPageTests(AppHostFixture app, Chromium chromium)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Origin => app.App.GetEndpoint(ResourceNames.EscalationApi, "http").GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task A_visitor_books_in_two_clicks_and_gets_the_confirmation_mail()
    {
        // A tenant that lists its own site only: the hosted page is the edge's own and still books.
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token, allowedOrigins: ["https://shop.example"]);
        var page = await chromium.NewPageAsync(Origin);
        await page.GotoAsync($"{Origin}/book?queueId={tenant.QueueId}&lang=en&key={tenant.WidgetKey}");
        var email = $"v-{Guid.NewGuid():N}@visitor.example";
        await FillFormAsync(page, "Layla Haddad", email, "Name", "E-mail", "Phone", "Show available times");
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("book-calendar-1280"), FullPage = true });

        await FirstOpenCell(page).ClickAsync();
        var held = page.GetByRole(AriaRole.Region, new() { Name = "Your booking" });
        await Assertions.Expect(held).ToBeVisibleAsync();
        await held.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();

        var confirmed = page.GetByRole(AriaRole.Region, new() { Name = "Booking confirmed" });
        await Assertions.Expect(confirmed).ToBeVisibleAsync();
        await Assertions.Expect(confirmed.GetByRole(AriaRole.Link, new() { Name = "Add to calendar" })).ToHaveAttributeAsync("href", new Regex("/ics\\?token="));
        await Assertions.Expect(confirmed.GetByRole(AriaRole.Link, new() { Name = "Join the video call" })).ToHaveAttributeAsync("href", new Regex("/rooms/bk_"));
        await Assertions.Expect(confirmed.GetByRole(AriaRole.Link, new() { Name = "Manage booking" })).ToHaveAttributeAsync("href", new Regex("/bookings/bk_"));
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("book-confirmed-1280"), FullPage = true });

        using var mailbox = new Smtp4devMailbox(app.App);
        await mailbox.WaitForAsync(m => m.To() == email, 1, TimeSpan.FromSeconds(60), Token);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_arabic_page_is_right_to_left_and_books_with_the_keyboard_alone()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var page = await chromium.NewPageAsync(Origin, width: 360, height: 780, locale: "ar");
        await page.GotoAsync($"{Origin}/book?queueId={tenant.QueueId}&lang=ar&key={tenant.WidgetKey}");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await page.ScreenshotAsync(new() { Path = Shot("book-form-ar-360"), FullPage = true });

        // Keyboard only: type into each labelled field, submit with Enter, move in the grid with the arrows.
        var email = $"v-{Guid.NewGuid():N}@visitor.example";
        await page.GetByLabel("الاسم", new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync("فاطمة العلي");
        await page.GetByLabel("البريد الإلكتروني", new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync(email);
        await page.GetByLabel("رقم الهاتف", new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync("501234567");
        await page.GetByRole(AriaRole.Button, new() { Name = "عرض المواعيد المتاحة" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var grid = page.GetByRole(AriaRole.Grid, new() { Name = "المواعيد المتاحة" });
        await Assertions.Expect(grid).ToBeVisibleAsync();
        var open = grid.GetByRole(AriaRole.Gridcell, new() { NameRegex = new Regex("متاح") }).First;
        await open.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "تأكيد الحجز" });
        await Assertions.Expect(confirm).ToBeVisibleAsync();
        await confirm.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Region, new() { Name = "تم تأكيد الحجز" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Shot("book-confirmed-ar-360"), FullPage = true });

        using var mailbox = new Smtp4devMailbox(app.App);
        var mail = (await mailbox.WaitForAsync(m => m.To() == email, 1, TimeSpan.FromSeconds(60), Token))[0];
        Assert.Contains("تم تأكيد", mail.Subject); // booked with preferredLang "ar"
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_last_seat_picked_by_two_visitors_goes_to_one_and_the_other_sees_it_full()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        var first = await chromium.NewPageAsync(Origin);
        var second = await chromium.NewPageAsync(Origin);
        foreach (var (page, name) in new[] { (first, "First Visitor"), (second, "Second Visitor") })
        {
            await page.GotoAsync($"{Origin}/book?queueId={tenant.QueueId}&lang=en&key={tenant.WidgetKey}");
            await FillFormAsync(page, name, $"v-{Guid.NewGuid():N}@visitor.example", "Name", "E-mail", "Phone", "Show available times");
        }
        // Both see the same first open time; the first visitor takes it.
        var slot = await FirstOpenCell(first).GetAttributeAsync("aria-label") ?? await FirstOpenCell(first).InnerTextAsync();
        var time = Regex.Match(slot, @"\d{2}:\d{2}").Value;
        var day = slot.Split(',')[0];
        await FirstOpenCell(first).ClickAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "Confirm booking" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Region, new() { Name = "Booking confirmed" })).ToBeVisibleAsync();

        // The second visitor's calendar was loaded before: picking the same time tells them, and the grid shows it full.
        await SlotCell(second, day, time, "open").ClickAsync();
        await Assertions.Expect(second.GetByRole(AriaRole.Alert).Filter(new() { HasText = "just taken" })).ToBeVisibleAsync();
        await Assertions.Expect(SlotCell(second, day, time, "full")).ToHaveAttributeAsync("aria-disabled", "true");
        await first.Context.CloseAsync();
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task The_mailed_manage_link_opens_a_page_that_reschedules_on_the_calendar_and_cancels()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var call = await new BookingRequests(app, tenant).BookAsync(TestTenant.Slot(daysAhead: 2, hour: 10), Token);
        var page = await chromium.NewPageAsync(Origin);
        var opened = await page.GotoAsync(call.ManageUrl.ToString()); // the mails' link: /bookings/{id}?token=…
        Assert.Equal("text/html; charset=utf-8", opened!.Headers["content-type"]);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reschedule" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();
        var grid = page.GetByRole(AriaRole.Grid, new() { Name = "Available times" });
        await Assertions.Expect(grid.GetByRole(AriaRole.Gridcell, new() { NameRegex = new Regex("10:00, .*Your current time") })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("manage-reschedule-1280"), FullPage = true });
        await grid.GetByRole(AriaRole.Gridcell, new() { NameRegex = new Regex(", 11:00, open") }).First.ClickAsync();
        await Assertions.Expect(page.GetByText(new Regex("Your booking has been moved to .*11:00"))).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel booking" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel booking" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This booking is cancelled" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reschedule" })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("manage-cancelled-1280"), FullPage = true });

        using var api = app.CreateApiClient(widgetKey: null); // the same address still answers JSON to the API
        var booking = await api.GetFromJsonAsync<System.Text.Json.JsonElement>(call.ManageUrl.PathAndQuery, Token);
        Assert.Equal("cancelled", booking.GetProperty("status").GetString());
        await page.Context.CloseAsync();
    }

    private static async Task FillFormAsync(IPage page, string name, string email, string nameLabel, string emailLabel, string phoneLabel, string submit)
    {
        await page.GetByLabel(nameLabel, new() { Exact = true }).FillAsync(name);
        await page.GetByLabel(emailLabel, new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(phoneLabel, new() { Exact = true }).FillAsync("501234567");
        await page.GetByRole(AriaRole.Button, new() { Name = submit }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Grid).First).ToBeVisibleAsync();
    }

    private static ILocator FirstOpenCell(IPage page) =>
        page.GetByRole(AriaRole.Grid, new() { Name = "Available times" })
            .GetByRole(AriaRole.Gridcell, new() { NameRegex = new Regex(", open") }).First;

    private static ILocator SlotCell(IPage page, string day, string time, string status) =>
        page.GetByRole(AriaRole.Grid, new() { Name = "Available times" })
            .GetByRole(AriaRole.Gridcell, new() { NameRegex = new Regex($"^{Regex.Escape(day)}, {time}, {status}") });

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
    }

    private static string Shot(string name) => Path.Combine(Chromium.ScreenshotFolder, name + ".png");
}
