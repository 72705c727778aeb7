using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Integration.Tests;

/// <summary>A booking made through the public API, with what the tests need from its answer.</summary>
internal sealed record BookedCall(string BookingId, string CustomerUrl, Uri ManageUrl, string VisitorEmail);

/// <summary>Books, reschedules and cancels through Escalation.Api as a visitor of <paramref name="tenant"/> would.</summary>
internal sealed class BookingRequests(AppHostFixture app, TestTenant tenant)
{
    public Task<BookedCall> BookAsync(DateTime slot, CancellationToken cancellationToken) =>
        CreateAsync(email => new
        {
            visitor = Visitor(email),
            queueId = tenant.QueueId,
            scheduledTime = Iso(slot),
        }, cancellationToken);

    /// <summary>An ad-hoc video call that starts now (no chat behind it).</summary>
    public Task<BookedCall> EscalateAsync(CancellationToken cancellationToken) =>
        CreateAsync(email => new
        {
            visitor = Visitor(email),
            queueId = tenant.QueueId,
            desiredTime = "now",
        }, cancellationToken);

    private async Task<BookedCall> CreateAsync(Func<string, object> body, CancellationToken cancellationToken)
    {
        using var api = app.CreateApiClient(tenant.WidgetKey);
        // A visitor address of the test's own, so its mails are told apart in the shared mailbox.
        var email = $"v-{Guid.NewGuid():N}@visitor.example";
        var response = await api.PostAsJsonAsync("/create", body(email), cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return new BookedCall(
            booking.GetProperty("bookingId").GetString()!,
            booking.GetProperty("customerUrl").GetString()!,
            new Uri(booking.GetProperty("manageUrl").GetString()!),
            email);
    }

    public async Task RescheduleAsync(BookedCall call, DateTime slot, CancellationToken cancellationToken)
    {
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var response = await api.PostAsJsonAsync(
            $"{call.ManageUrl.AbsolutePath}/reschedule{call.ManageUrl.Query}", new { scheduledTime = Iso(slot) }, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async Task CancelAsync(BookedCall call, CancellationToken cancellationToken)
    {
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var response = await api.PostAsync($"{call.ManageUrl.AbsolutePath}/cancel{call.ManageUrl.Query}", null, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static object Visitor(string email) =>
        new { name = "Layla Haddad", email, phone = "+971501234567", preferredLang = "en" };

    private static string Iso(DateTime slot) => slot.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
