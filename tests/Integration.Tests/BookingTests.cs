using Aspire.Hosting.Testing;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace VideoEngager.Integration.Tests;

/// <summary>Holds and bookings through the public API, against the real AppHost.</summary>
[Collection(AppCollection.Name)]
public sealed class BookingTests(AppHostFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_concurrent_creates_for_a_slot_of_three_give_three_bookings()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 3, Token);
        var slot = TestTenant.Slot(2, 10);

        var statuses = await BookingLoad.CreateConcurrentlyAsync(app, tenant, slot, 50, Token);

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(47, statuses.Count(s => s == HttpStatusCode.Conflict));
        var cell = await SlotAsync(tenant, slot);
        Assert.Equal((0, "full"), (cell.GetProperty("remaining").GetInt32(), cell.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_booking_answers_links_and_writes_its_outbox()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 2, Token);
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var slot = TestTenant.Slot(3, 9, 30);

        var response = await api.PostAsJsonAsync("/create", tenant.Booking(slot), Token);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var booking = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var id = booking.GetProperty("bookingId").GetString()!;
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());
        Assert.Equal(slot, booking.GetProperty("scheduledTime").GetDateTime().ToUniversalTime());
        var manageUrl = booking.GetProperty("manageUrl").GetString()!;
        var token = manageUrl[(manageUrl.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        Assert.True(Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "=").Length * 8 >= 128);
        Assert.DoesNotContain("fatima", manageUrl + booking.GetProperty("customerUrl").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(manageUrl, booking.GetProperty("customerUrl").GetString());

        var kinds = await OutboxKindsAsync(id);
        Assert.Contains("callback.create", kinds);
        Assert.Contains("email.customer-confirmation", kinds);
        Assert.Contains("email.agent-invite", kinds);
        Assert.Contains("reminder", kinds);

        using var anonymous = app.CreateApiClient(widgetKey: null);
        var lookedUp = await anonymous.GetFromJsonAsync<JsonElement>(new Uri(manageUrl).PathAndQuery, Token);
        Assert.Equal((0, "Q1", "Test queue"), (lookedUp.GetProperty("sequence").GetInt32(), lookedUp.GetProperty("queueId").GetString(),
            lookedUp.GetProperty("queueName").GetString()));
        // This tenant's queue has no routing queue in the contact center; ContactCenterTests cover the callback itself.
        Assert.Contains(lookedUp.GetProperty("callbackStatus").GetString(), new[] { "pending", "scheduled", "failed" });
        var wrongToken = await anonymous.GetAsync($"/bookings/{id}?token=nope", Token);
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
    }

    [Fact]
    public async Task The_ics_link_gives_the_current_invite_and_a_cancel_once_cancelled()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var slot = TestTenant.Slot(7, 11);
        var booking = await (await api.PostAsJsonAsync("/create", tenant.Booking(slot), Token)).Content.ReadFromJsonAsync<JsonElement>(Token);
        var icsUrl = new Uri(booking.GetProperty("icsUrl").GetString()!);
        var manage = new Uri(booking.GetProperty("manageUrl").GetString()!);
        using var anonymous = app.CreateApiClient(widgetKey: null);

        var request = await anonymous.GetAsync(icsUrl.PathAndQuery, Token);
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.Equal("text/calendar", request.Content.Headers.ContentType?.MediaType);
        var invite = Ical.Net.Calendar.Load(await request.Content.ReadAsStringAsync(Token))!;
        var evt = invite.Events.Single();
        Assert.Equal(("REQUEST", 0, slot), (invite.Method, evt.Sequence, evt.DtStart!.AsUtc));
        Assert.StartsWith(booking.GetProperty("bookingId").GetString()!, evt.Uid, StringComparison.Ordinal);

        await anonymous.PostAsync($"{manage.AbsolutePath}/cancel{manage.Query}", null, Token);
        var cancel = Ical.Net.Calendar.Load(await anonymous.GetStringAsync(icsUrl.PathAndQuery, Token))!;
        Assert.Equal(("CANCEL", 1, "CANCELLED", evt.Uid), (cancel.Method, cancel.Events.Single().Sequence, cancel.Events.Single().Status, cancel.Events.Single().Uid));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{icsUrl.AbsolutePath}?token=wrong", Token)).StatusCode);
    }

    [Fact]
    public async Task Replaying_an_idempotency_key_returns_the_first_booking_and_another_body_is_422()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 5, Token);
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var slot = TestTenant.Slot(2, 11);
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(api, key, tenant.Booking(slot));
        var replay = await PostWithKeyAsync(api, key, tenant.Booking(slot));
        var other = await PostWithKeyAsync(api, key, tenant.Booking(slot, name: "Someone Else"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await BookingIdAsync(first), await BookingIdAsync(replay));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(4, (await SlotAsync(tenant, slot)).GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task Cancel_frees_the_seat_for_the_next_visitor()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var slot = TestTenant.Slot(4, 14);

        var first = await api.PostAsJsonAsync("/create", tenant.Booking(slot), Token);
        var second = await api.PostAsJsonAsync("/create", tenant.Booking(slot), Token);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Conflict), (first.StatusCode, second.StatusCode));

        var manage = new Uri((await first.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("manageUrl").GetString()!);
        var cancel = await api.PostAsync($"{manage.AbsolutePath}/cancel{manage.Query}", null, Token);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("status").GetString());

        var third = await api.PostAsJsonAsync("/create", tenant.Booking(slot), Token);
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
    }

    [Fact]
    public async Task Reschedule_moves_the_seat_bumps_the_sequence_and_a_cancelled_booking_cannot_move()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var from = TestTenant.Slot(5, 9);
        var to = TestTenant.Slot(5, 15, 30);
        var created = await api.PostAsJsonAsync("/create", tenant.Booking(from), Token);
        var manage = new Uri((await created.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("manageUrl").GetString()!);

        var moved = await api.PostAsJsonAsync($"{manage.AbsolutePath}/reschedule{manage.Query}",
            new { scheduledTime = to.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }, Token);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var booking = await moved.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(1, booking.GetProperty("sequence").GetInt32());
        Assert.Equal(to, booking.GetProperty("scheduledTime").GetDateTime().ToUniversalTime());
        Assert.Equal(1, (await SlotAsync(tenant, from)).GetProperty("remaining").GetInt32());
        Assert.Equal(0, (await SlotAsync(tenant, to)).GetProperty("remaining").GetInt32());

        await api.PostAsync($"{manage.AbsolutePath}/cancel{manage.Query}", null, Token);
        var again = await api.PostAsJsonAsync($"{manage.AbsolutePath}/reschedule{manage.Query}",
            new { scheduledTime = from.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }, Token);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, (await SlotAsync(tenant, from)).GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task Bad_inputs_name_each_field_and_write_nothing()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var slot = TestTenant.Slot(2, 16);

        var response = await api.PostAsJsonAsync("/create", new
        {
            visitor = new { name = "", email = "not-an-email", phone = "12", preferredLang = "xx-nope" },
            queueId = tenant.QueueId,
            scheduledTime = slot.AddMinutes(10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        }, Token);
        var badAttribute = await api.PostAsJsonAsync("/create", new
        {
            visitor = new { name = "Ok Name", email = "ok@example.com", phone = "+971501234567", preferredLang = "en" },
            queueId = tenant.QueueId,
            scheduledTime = slot.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            attributes = new { productLine = 42 },
        }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        foreach (var field in new[] { "visitor.name", "visitor.email", "visitor.phone", "visitor.preferredLang", "scheduledTime" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(HttpStatusCode.BadRequest, badAttribute.StatusCode);
        Assert.True((await badAttribute.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("attributes.productLine", out _));
        Assert.Equal(1, (await SlotAsync(tenant, slot)).GetProperty("remaining").GetInt32());
        Assert.Equal(0, await BookingCountAsync(tenant.TenantId));
    }

    [Fact]
    public async Task Unreadable_bodies_and_mixed_errors_are_400s_that_name_every_field()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        using var api = app.CreateApiClient(tenant.WidgetKey);

        using var wrongType = new StringContent(
            """{"queueId":"Q1","priority":"high","visitor":{"name":"A"}}""", System.Text.Encoding.UTF8, "application/json");
        var typed = await api.PostAsync("/create", wrongType, Token);
        using var broken = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
        var unreadable = await api.PostAsync("/create", broken, Token);
        var mixed = await api.PostAsJsonAsync("/create", new
        {
            visitor = new { name = "", email = "nope", phone = "+971501234567", preferredLang = "en" },
            queueId = tenant.QueueId,
            scheduledTime = "next tuesday",
        }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.True((await typed.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("priority", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, mixed.StatusCode);
        var errors = (await mixed.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        foreach (var field in new[] { "scheduledTime", "visitor.name", "visitor.email" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(0, await BookingCountAsync(tenant.TenantId));
    }

    [Fact]
    public async Task A_browser_preflight_from_a_widget_site_is_allowed_to_send_the_widget_headers()
    {
        using var api = app.CreateApiClient(widgetKey: null);
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/create");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-tenant-key,content-type,idempotency-key");

        var response = await api.SendAsync(preflight, Token);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("x-tenant-key", string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_hold_keeps_the_seat_from_others_until_released()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var slot = TestTenant.Slot(6, 12);
        var start = slot.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var hold = await api.PostAsJsonAsync("/holds", new { queueId = tenant.QueueId, start }, Token);
        Assert.Equal(HttpStatusCode.Created, hold.StatusCode);
        var holdId = (await hold.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("holdId").GetString()!;
        Assert.Equal(0, (await SlotAsync(tenant, slot)).GetProperty("remaining").GetInt32());

        var withoutHold = await api.PostAsJsonAsync("/create", tenant.Booking(slot), Token);
        Assert.Equal(HttpStatusCode.Conflict, withoutHold.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/holds/{holdId}", Token)).StatusCode);
        var afterRelease = await api.PostAsJsonAsync("/create", tenant.Booking(slot), Token);
        Assert.Equal(HttpStatusCode.Created, afterRelease.StatusCode);
    }

    [Fact]
    public async Task Booking_with_the_hold_consumes_it()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var slot = TestTenant.Slot(6, 13);
        var start = slot.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var hold = await api.PostAsJsonAsync("/holds", new { queueId = tenant.QueueId, start }, Token);
        var holdId = (await hold.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("holdId").GetString()!;

        var booking = await api.PostAsJsonAsync("/create", new
        {
            visitor = new { name = "Omar", email = "omar@example.com", phone = "+971501234567", preferredLang = "en" },
            queueId = tenant.QueueId,
            scheduledTime = start,
            holdId,
        }, Token);

        Assert.Equal(HttpStatusCode.Created, booking.StatusCode);
        var cell = await SlotAsync(tenant, slot);
        Assert.Equal((0, "full"), (cell.GetProperty("remaining").GetInt32(), cell.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/holds/{holdId}", Token)).StatusCode);
    }

    private async Task<JsonElement> SlotAsync(TestTenant tenant, DateTime slot)
    {
        using var api = app.CreateApiClient(tenant.WidgetKey);
        var day = slot.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var calendar = await api.GetFromJsonAsync<JsonElement>($"/availability?queueId={tenant.QueueId}&start={day}&days=1", Token);
        return calendar.GetProperty("slots").EnumerateArray()
            .Single(s => s.GetProperty("start").GetDateTime().ToUniversalTime() == slot);
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient api, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/create") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await api.SendAsync(request, Token);
    }

    private static async Task<string> BookingIdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("bookingId").GetString()!;

    private async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
        await connection.OpenAsync(Token);
        return connection;
    }

    private async Task<List<string>> OutboxKindsAsync(string bookingId)
    {
        await using var db = await OpenDatabaseAsync();
        await using var command = new NpgsqlCommand("SELECT kind FROM outbox WHERE booking_id = @id", db);
        command.Parameters.AddWithValue("id", bookingId);
        var kinds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            kinds.Add(reader.GetString(0));
        }
        return kinds;
    }

    private async Task<long> BookingCountAsync(string tenantId)
    {
        await using var db = await OpenDatabaseAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM bookings WHERE tenant_id = @t", db);
        command.Parameters.AddWithValue("t", tenantId);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }
}
