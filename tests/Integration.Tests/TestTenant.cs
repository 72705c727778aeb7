using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Integration.Tests;

/// <summary>A tenant of a test's own, with one queue open around the clock, created through the admin API.</summary>
internal sealed record TestTenant(string TenantId, string WidgetKey, string QueueId)
{
    public const string AdminKey = "local-admin-key";

    public static async Task<TestTenant> CreateAsync(AppHostFixture app, int capacity, CancellationToken cancellationToken,
        object? flags = null, int intervalMinutes = 30, string[]? allowedOrigins = null)
    {
        using var admin = app.CreateApiClient(widgetKey: null);
        admin.DefaultRequestHeaders.Add("X-Admin-Key", AdminKey);
        var tenantId = "t-" + Guid.NewGuid().ToString("N")[..12];

        var tenant = await admin.PostAsJsonAsync("/admin/tenants",
            new { id = tenantId, name = "Test " + tenantId, senderEmail = "video@test.example", allowedOrigins = allowedOrigins ?? [] },
            cancellationToken);
        tenant.EnsureSuccessStatusCode();
        var widgetKey = (await tenant.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("widgetKey").GetString()!;

        (await admin.PostAsJsonAsync($"/admin/tenants/{tenantId}/agent-groups",
            new { id = "agents", agents = new[] { new { name = "Agent One", email = "agent.one@test.example" } } },
            cancellationToken)).EnsureSuccessStatusCode();

        var allDay = new[] { new { from = "00:00", to = "00:00" } };
        var queue = await admin.PostAsJsonAsync($"/admin/tenants/{tenantId}/queues", new
        {
            id = "Q1",
            name = "Test queue",
            timeZone = "UTC",
            weeklyHours = new Dictionary<string, object>
            {
                ["sunday"] = allDay, ["monday"] = allDay, ["tuesday"] = allDay, ["wednesday"] = allDay,
                ["thursday"] = allDay, ["friday"] = allDay, ["saturday"] = allDay,
            },
            intervalMinutes,
            capacity,
            minNoticeMinutes = 0,
            bookingWindowDays = 30,
            averageHandleMinutes = 15,
            skills = new[] { "Video" },
            priority = 5,
            agentGroupId = "agents",
            flags = flags ?? new { sendCustomerEmail = true, notifyAgent = true, reminderOffsetMinutes = 15 },
        }, cancellationToken);
        queue.EnsureSuccessStatusCode();
        return new TestTenant(tenantId, widgetKey, "Q1");
    }

    /// <summary>A slot start well in the future, on the half hour.</summary>
    public static DateTime Slot(int daysAhead, int hour, int minute = 0) =>
        DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(hour).AddMinutes(minute);

    public object Booking(DateTime slot, string name = "Fatima Al-Ali") => new
    {
        visitor = new { name, email = "fatima@example.com", phone = "+971501234567", preferredLang = "ar" },
        queueId = QueueId,
        scheduledTime = slot.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        attributes = new { productLine = "Post-paid" },
    };
}
