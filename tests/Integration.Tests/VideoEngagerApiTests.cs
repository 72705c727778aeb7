using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace VideoEngager.Integration.Tests;

/// <summary>The VideoEngager-compatible callback API: a tenant's server books, reschedules and cancels with its secret.</summary>
[Collection(AppCollection.Name)]
public sealed class VideoEngagerApiTests(AppHostFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_tenant_server_books_reschedules_and_cancels_in_the_videoengager_shapes()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var (_, secret) = await CreateSecretAsync(tenant.TenantId);
        using var server = Server(tenant.TenantId, secret);

        var start = DateTime.UtcNow.Date.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var open = await server.GetFromJsonAsync<Dictionary<string, int>>(
            $"/api/genesys/callback/{tenant.TenantId}/availability?start={start}&number-of-days=2", Token);
        Assert.NotNull(open);
        Assert.All(open, slot => Assert.InRange(slot.Value, 1, 2));
        var first = open.Keys.Order(StringComparer.Ordinal).First();
        var second = open.Keys.Order(StringComparer.Ordinal).Skip(1).First();

        using var created = await server.PostAsJsonAsync($"/api/genesys/callback/tenant/{tenant.TenantId}", new Dictionary<string, object>
        {
            ["firstname"] = "Fatima", ["lastname"] = "Al-Ali", ["customer_email"] = "fatima.ve@example.com",
            ["_customer_number"] = "+971501234567", ["_desired_time"] = first, ["duration"] = 45,
        }, Token);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>(Token);
        var ve = answer.GetProperty("videoengager");
        var scheduleId = ve.GetProperty("scheduleId").GetString()!;
        Assert.Equal(tenant.QueueId, answer.GetProperty("genesys").GetProperty("queueId").GetString());
        Assert.True(answer.GetProperty("genesys").GetProperty("conversation").TryGetProperty("id", out _));
        Assert.Equal(DateTimeOffset.Parse(first, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(), ve.GetProperty("date").GetInt64());
        Assert.Equal(scheduleId, ve.GetProperty("code").GetString());
        Assert.Contains($"/rooms/{scheduleId}?token=", ve.GetProperty("meetingUrl").GetString(), StringComparison.Ordinal);
        Assert.Contains($"/rooms/{scheduleId}?token=", ve.GetProperty("agentUrl").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(ve.GetProperty("meetingUrl").GetString(), ve.GetProperty("agentUrl").GetString());
        Assert.Equal((45, true), (ve.GetProperty("duration").GetInt32(), ve.GetProperty("active").GetBoolean()));
        Assert.Equal(JsonValueKind.True, answer.GetProperty("emailSent").ValueKind);
        Assert.StartsWith("BEGIN:VCALENDAR", answer.GetProperty("icsCalendarData").GetString(), StringComparison.Ordinal);

        using var moved = await server.PatchAsJsonAsync($"/api/genesys/callback/{tenant.TenantId}/{scheduleId}", new { date = second }, Token);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var after = await moved.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(DateTimeOffset.Parse(second, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
            after.GetProperty("videoengager").GetProperty("date").GetInt64());
        Assert.Equal(45, after.GetProperty("videoengager").GetProperty("duration").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/api/genesys/callback/{tenant.TenantId}/{scheduleId}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.DeleteAsync($"/api/genesys/callback/{tenant.TenantId}/bk_unknown", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.PatchAsJsonAsync($"/api/genesys/callback/{tenant.TenantId}/bk_unknown", new { date = second }, Token)).StatusCode);
    }

    [Fact]
    public async Task Bad_fields_are_named_as_this_api_names_them_and_change_nothing()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var (_, secret) = await CreateSecretAsync(tenant.TenantId);
        using var server = Server(tenant.TenantId, secret);

        using var refused = await server.PostAsJsonAsync($"/api/genesys/callback/tenant/{tenant.TenantId}", new Dictionary<string, object>
        {
            ["firstname"] = "", ["customer_email"] = "not-an-address", ["_customer_number"] = "12", ["_desired_time"] = "soon",
        }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        foreach (var field in new[] { "firstname", "customer_email", "_customer_number", "_desired_time" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is named: {errors}");
        }
        using var days = await server.GetAsync($"/api/genesys/callback/{tenant.TenantId}/availability?number-of-days=31", Token);
        Assert.Equal(HttpStatusCode.BadRequest, days.StatusCode);
    }

    [Fact]
    public async Task Only_a_live_secret_of_the_tenant_opens_its_routes()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var other = await TestTenant.CreateAsync(app, capacity: 2, Token);
        var (secretId, secret) = await CreateSecretAsync(tenant.TenantId);
        var (_, otherSecret) = await CreateSecretAsync(other.TenantId);
        var availability = $"/api/genesys/callback/{tenant.TenantId}/availability";

        using var anonymous = app.CreateApiClient(widgetKey: null);
        using var noAuth = await anonymous.GetAsync(availability, Token);
        Assert.Equal(HttpStatusCode.Unauthorized, noAuth.StatusCode);
        Assert.Contains("Basic", noAuth.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var widget = app.CreateApiClient(tenant.WidgetKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await widget.GetAsync(availability, Token)).StatusCode);
        using (var wrong = Server(tenant.TenantId, secret + "x"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(availability, Token)).StatusCode);
        }
        using (var stranger = Server(other.TenantId, otherSecret))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(availability, Token)).StatusCode);
        }
        using var server = Server(tenant.TenantId, secret);
        Assert.Equal(HttpStatusCode.OK, (await server.GetAsync(availability, Token)).StatusCode);

        using var admin = Admin();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/tenants/{tenant.TenantId}/api-secrets/{secretId}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.GetAsync(availability, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/admin/tenants/{tenant.TenantId}/api-secrets/{secretId}", Token)).StatusCode);
    }

    private async Task<(string Id, string Secret)> CreateSecretAsync(string tenantId)
    {
        using var admin = Admin();
        using var response = await admin.PostAsync($"/admin/tenants/{tenantId}/api-secrets", null, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var secret = body.GetProperty("secret").GetString()!;
        Assert.True(secret.Length >= 22, "at least 128 bits");
        return (body.GetProperty("id").GetString()!, secret);
    }

    private HttpClient Admin()
    {
        var admin = app.CreateApiClient(widgetKey: null);
        admin.DefaultRequestHeaders.Add("X-Admin-Key", TestTenant.AdminKey);
        return admin;
    }

    private HttpClient Server(string tenantId, string secret)
    {
        var server = app.CreateApiClient(widgetKey: null);
        server.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{tenantId}:{secret}")));
        return server;
    }
}
