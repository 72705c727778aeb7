using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace VideoEngager.Integration.Tests;

/// <summary>
/// A Genesys queue and two skills of a test's own in the emulator, and a queue of the same name under a test tenant,
/// so callbacks of that tenant route there and nowhere else.
/// </summary>
internal sealed record ContactCenterOrg(
    AppHostFixture App, TestTenant Tenant, string QueueName, Guid QueueId, string Video, Guid VideoId, string Arabic, Guid ArabicId)
{
    public static async Task<ContactCenterOrg> CreateAsync(AppHostFixture app, CancellationToken cancellationToken,
        DateTimeOffset? opensAt = null, object? flags = null, string[]? allowedOrigins = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        using var emulator = Emulator(app);
        var queueName = $"CC-{suffix}";
        var video = $"Video-{suffix}";
        var arabic = $"Arabic-{suffix}";
        var queueId = await AddAsync(emulator, "queues", queueName, cancellationToken);
        var videoId = await AddAsync(emulator, "skills", video, cancellationToken);
        var arabicId = await AddAsync(emulator, "skills", arabic, cancellationToken);

        var tenant = await TestTenant.CreateAsync(app, capacity: 2, cancellationToken, allowedOrigins: allowedOrigins);
        using var admin = app.CreateApiClient(widgetKey: null);
        admin.DefaultRequestHeaders.Add("X-Admin-Key", TestTenant.AdminKey);
        var days = new[] { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" };
        var allDay = new[] { new { from = "00:00", to = "00:00" } };
        // A queue opening at a given minute starts its first slot then: a callback due within a test's patience.
        var weeklyHours = days.ToDictionary(day => day, day => opensAt is not { } open
            ? (object)allDay
            : string.Equals(day, open.DayOfWeek.ToString(), StringComparison.OrdinalIgnoreCase)
                ? new[] { new { from = open.ToString("HH:mm", CultureInfo.InvariantCulture), to = open.AddMinutes(30).ToString("HH:mm", CultureInfo.InvariantCulture) } }
                : Array.Empty<object>());
        (await admin.PostAsJsonAsync($"/admin/tenants/{tenant.TenantId}/queues", new
        {
            id = queueName,
            name = "Contact-center test queue",
            timeZone = "UTC",
            weeklyHours,
            intervalMinutes = 30,
            capacity = 2,
            minNoticeMinutes = 0,
            bookingWindowDays = 30,
            averageHandleMinutes = 15,
            skills = new[] { video, arabic },
            priority = 5,
            agentGroupId = "agents",
            flags = flags ?? new { sendCustomerEmail = false, notifyAgent = false, reminderOffsetMinutes = 15 },
        }, cancellationToken)).EnsureSuccessStatusCode();

        return new ContactCenterOrg(app, tenant with { QueueId = queueName }, queueName, queueId, video, videoId, arabic, arabicId);
    }

    /// <summary>The emulator's test API (no auth): agents, faults, the request journal, callbacks as stored.</summary>
    public static HttpClient Emulator(AppHostFixture app) => app.App.CreateHttpClient(ResourceNames.Genesys, "http");

    public async Task<Guid> AddAgentAsync(string name, string[] skills, CancellationToken cancellationToken,
        string[]? languages = null)
    {
        using var emulator = Emulator(App);
        using var response = await emulator.PostAsJsonAsync("/emulator/agents", new
        {
            name,
            email = $"{name.ToLowerInvariant()}.{Guid.NewGuid():N}@agents.example",
            skills,
            languages = languages ?? ["Arabic"],
            queues = new[] { QueueName },
            presence = "Available",
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>Every callback the emulator holds for <paramref name="bookingId"/> (by its <c>data.bookingId</c>).</summary>
    public async Task<List<JsonElement>> CallbacksOfAsync(string bookingId, CancellationToken cancellationToken)
    {
        using var emulator = Emulator(App);
        var all = await emulator.GetFromJsonAsync<JsonElement>("/emulator/callbacks", cancellationToken);
        return [.. all.EnumerateArray().Where(c =>
            c.GetProperty("data").TryGetProperty("bookingId", out var id) && id.GetString() == bookingId)];
    }

    private static async Task<Guid> AddAsync(HttpClient emulator, string kind, string name, CancellationToken cancellationToken)
    {
        using var response = await emulator.PostAsJsonAsync($"/emulator/{kind}", new { name }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }
}
