using System.Globalization;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;

namespace VideoEngager.Integration.Tests.Browser;

/// <summary>
/// A scheduled call end to end as the agent lives it: the emulator's agent desktop offers the callback at its time,
/// Accept opens the agent's room, and the customer comes in from the reminder mail. Runs beside the other browser tests
/// on the two-replica app (it mostly waits for the callback's time), so the two parties may meet across replicas.
/// </summary>
[Collection(ReplicatedCollection.Name)]
public sealed class DesktopBrowserTests(ReplicatedAppHostFixture app, Chromium chromium)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Origin => app.App.GetEndpoint(ResourceNames.EscalationApi, "http").GetLeftPart(UriPartial.Authority);

    [Fact]
    public async Task At_the_callback_time_the_agent_accepts_on_the_desktop_and_meets_the_customer_from_the_reminder()
    {
        // A queue whose first slot starts at the next whole minute a little ahead: its callback falls due in the test.
        var now = DateTimeOffset.UtcNow;
        var opensAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(now.Second < 30 ? 1 : 2);
        var org = await ContactCenterOrg.CreateAsync(app, Token, opensAt,
            flags: new { sendCustomerEmail = true, notifyAgent = true, reminderOffsetMinutes = 10 });
        var agentId = await org.AddAgentAsync("Desk", [org.Video, org.Arabic], Token, languages: ["Arabic", "English"]);
        var (bookingId, visitorEmail, _) = await RoomBrowserTests.BookAsync(app, org.Tenant, opensAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));

        var emulator = app.App.GetEndpoint(ResourceNames.Genesys, "http").GetLeftPart(UriPartial.Authority);
        var desktop = await chromium.NewPageAsync(Origin);
        await desktop.GotoAsync($"{emulator}/desktop?agent={agentId}");
        var toast = desktop.GetByRole(AriaRole.Alertdialog, new() { Name = "Incoming callback for Layla Haddad" });
        await Assertions.Expect(toast).ToBeVisibleAsync(new() { Timeout = 150_000 });
        Assert.True(DateTimeOffset.UtcNow >= opensAt, "offered before the callback's time");
        var agentRoom = await desktop.Context.RunAndWaitForPageAsync(() => toast.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync());
        await agentRoom.WaitForLoadStateAsync();
        Assert.Contains($"/rooms/{bookingId}?token=", agentRoom.Url);
        var agent = new RoomPage(agentRoom);
        await agent.JoinAsync();

        using var mailbox = new Smtp4devMailbox(app.App);
        var reminder = await RoomBrowserTests.MailAsync(mailbox, m => m.To() == visitorEmail && (m.Subject ?? "").Contains("starts soon", StringComparison.Ordinal));
        var customer = new RoomPage(await chromium.NewPageAsync(Origin));
        await customer.Page.GotoAsync(RoomBrowserTests.RoomLink(reminder, bookingId));
        await customer.JoinAsync();
        await customer.WaitForMediaAsync();
        await agent.WaitForMediaAsync();

        await customer.Page.Context.CloseAsync();
        await desktop.Context.CloseAsync();
    }
}
