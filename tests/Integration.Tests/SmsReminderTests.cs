using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace VideoEngager.Integration.Tests;

/// <summary>Reminders by SMS: Notifier.Worker → the emulator's Twilio-compatible API, read back at <c>/emulator/sms</c>.</summary>
[Collection(AppCollection.Name)]
public sealed class SmsReminderTests(AppHostFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_Sms_reminder_reaches_the_emulator_once_at_its_due_time_with_the_customer_room()
    {
        var (slot, offset, due) = ReminderTiming.Soonest();
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token,
            new { sendCustomerEmail = false, notifyAgent = false, reminderOffsetMinutes = offset, smsReminders = true });
        var call = await new BookingRequests(app, tenant).BookAsync(slot, Token);
        using var genesys = app.App.CreateHttpClient(ResourceNames.Genesys, "http");

        // The room link carries the booking id, which tells this test's SMS apart from other tests' to the same number.
        var first = await WaitForSmsAsync(genesys, call, due - DateTime.UtcNow + TimeSpan.FromSeconds(30));
        var received = DateTime.UtcNow;
        // A second send would follow within the worker's next passes.
        await Task.Delay(TimeSpan.FromSeconds(3), Token);
        var all = await SmsForAsync(genesys, call, Token);

        var sms = Assert.Single(all);
        Assert.Equal(first.GetProperty("sid").GetString(), sms.GetProperty("sid").GetString());
        Assert.Equal("+971501234567", sms.GetProperty("to").GetString());
        Assert.Equal("+15005550006", sms.GetProperty("from").GetString());
        Assert.Contains(call.CustomerUrl, sms.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.InRange(sms.GetProperty("dateCreated").GetDateTime().ToUniversalTime(), due.AddSeconds(-1), due.AddSeconds(3));
        Assert.True(received >= due.AddSeconds(-1));
    }

    private static async Task<JsonElement> WaitForSmsAsync(HttpClient genesys, BookedCall call, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Token);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if ((await SmsForAsync(genesys, call, deadline.Token)).FirstOrDefault() is { ValueKind: JsonValueKind.Object } sms)
                {
                    return sms;
                }
                await Task.Delay(200, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!Token.IsCancellationRequested)
        {
            throw new TimeoutException($"No SMS for booking {call.BookingId} within {timeout}.");
        }
    }

    private static async Task<List<JsonElement>> SmsForAsync(HttpClient genesys, BookedCall call, CancellationToken cancellationToken)
    {
        var list = await genesys.GetFromJsonAsync<JsonElement>("/emulator/sms", cancellationToken);
        return [.. list.EnumerateArray().Where(m =>
            m.GetProperty("body").GetString()?.Contains(call.BookingId, StringComparison.Ordinal) == true)];
    }
}
