using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Npgsql;

namespace VideoEngager.Integration.Tests;

/// <summary>Bookings become Genesys callbacks, through the real AppHost and the emulator.</summary>
[Collection(AppCollection.Name)]
public sealed class ContactCenterTests(AppHostFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_booking_makes_exactly_one_callback_with_the_right_ids_and_data()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);
        // The first booking warms the token and the routing look-ups; the second must fit the request's budget.
        await CreateAsync(api, org.Tenant.Booking(TestTenant.Slot(3, 9)));
        var slot = TestTenant.Slot(3, 10);

        var answer = await CreateAsync(api, org.Tenant.Booking(slot));

        var bookingId = answer.GetProperty("bookingId").GetString()!;
        var callbackId = answer.GetProperty("callbackId").GetString();
        Assert.False(string.IsNullOrEmpty(callbackId), $"no callbackId within the budget: {answer}");
        var callback = Assert.Single(await org.CallbacksOfAsync(bookingId, Token));
        Assert.Equal(callbackId, callback.GetProperty("id").GetString());
        Assert.Equal(org.QueueId, callback.GetProperty("queueId").GetGuid());
        Assert.Equal(new[] { org.VideoId, org.ArabicId }.Order(), callback.GetProperty("skillIds").EnumerateArray().Select(s => s.GetGuid()).Order());
        Assert.Equal(JsonValueKind.String, callback.GetProperty("languageId").ValueKind);
        Assert.Equal(5, callback.GetProperty("priority").GetInt32());
        Assert.Equal("Fatima Al-Ali", callback.GetProperty("callbackUserName").GetString());
        Assert.Equal(["+971501234567"], callback.GetProperty("callbackNumbers").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(slot, callback.GetProperty("callbackScheduledTime").GetDateTime().ToUniversalTime());
        var data = callback.GetProperty("data");
        Assert.Equal(bookingId, data.GetProperty("bookingId").GetString());
        Assert.Equal("Post-paid", data.GetProperty("productLine").GetString());
        var agentUrl = data.GetProperty("agentUrl").GetString()!;
        Assert.Contains($"/rooms/{bookingId}?token=", agentUrl, StringComparison.Ordinal);
        Assert.NotEqual(answer.GetProperty("customerUrl").GetString(), agentUrl);

        var booking = await BookingAsync(answer);
        Assert.Equal(("scheduled", callbackId), (booking.GetProperty("callbackStatus").GetString(), booking.GetProperty("callbackId").GetString()));
    }

    [Fact]
    public async Task Reschedule_moves_the_callback_and_cancel_disconnects_it()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);
        var answer = await CreateAsync(api, org.Tenant.Booking(TestTenant.Slot(4, 9)));
        var bookingId = answer.GetProperty("bookingId").GetString()!;
        var manage = new Uri(answer.GetProperty("manageUrl").GetString()!);
        await EventuallyAsync(async () => (await BookingAsync(answer)).GetProperty("callbackStatus").GetString() == "scheduled");
        var moved = TestTenant.Slot(4, 15, 30);

        var rescheduled = await api.PostAsJsonAsync($"{manage.AbsolutePath}/reschedule{manage.Query}",
            new { scheduledTime = moved.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }, Token);
        Assert.Equal(HttpStatusCode.OK, rescheduled.StatusCode);
        await EventuallyAsync(async () => (await org.CallbacksOfAsync(bookingId, Token)) is [var c]
            && c.GetProperty("callbackScheduledTime").GetDateTime().ToUniversalTime() == moved);

        var cancelled = await api.PostAsync($"{manage.AbsolutePath}/cancel{manage.Query}", null, Token);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await EventuallyAsync(async () => (await BookingAsync(answer)).GetProperty("callbackStatus").GetString() == "cancelled");
        var callback = Assert.Single(await org.CallbacksOfAsync(bookingId, Token));
        Assert.Equal("disconnected", callback.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Five_429s_then_success_make_one_callback_and_no_retry_comes_before_Retry_After()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);
        using var emulator = ContactCenterOrg.Emulator(app);
        await CreateAsync(api, org.Tenant.Booking(TestTenant.Slot(5, 9))); // token and look-ups, outside the journal
        (await emulator.DeleteAsync("/emulator/requests", Token)).EnsureSuccessStatusCode();
        await FaultAsync(emulator, new { path = Creates, method = "POST", kind = "Status", status = 429, retryAfterSeconds = 1, times = 5 });
        try
        {
            var answer = await CreateAsync(api, org.Tenant.Booking(TestTenant.Slot(5, 10)));
            var bookingId = answer.GetProperty("bookingId").GetString()!;

            await EventuallyAsync(async () => (await BookingAsync(answer)).GetProperty("callbackStatus").GetString() == "scheduled");

            Assert.Single(await org.CallbacksOfAsync(bookingId, Token));
            var posts = await CreatePostsAsync(emulator);
            Assert.Equal([429, 429, 429, 429, 429, 200], posts.Select(r => r.GetProperty("status").GetInt32()));
            var gaps = posts.Zip(posts.Skip(1), (a, b) => b.GetProperty("arrivalMs").GetDouble() - a.GetProperty("arrivalMs").GetDouble()).ToList();
            Assert.All(gaps, gap => Assert.True(gap >= 1000, $"a retry came {gap:0} ms after a 429 with Retry-After: 1"));
        }
        finally
        {
            await emulator.DeleteAsync("/emulator/faults", CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_429_holds_back_every_callback_until_its_Retry_After()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);
        using var emulator = ContactCenterOrg.Emulator(app);
        await CreateAsync(api, org.Tenant.Booking(TestTenant.Slot(5, 12))); // token and look-ups, outside the journal
        (await emulator.DeleteAsync("/emulator/requests", Token)).EnsureSuccessStatusCode();
        await FaultAsync(emulator, new { path = Creates, method = "POST", kind = "Status", status = 429, retryAfterSeconds = 3, times = 1 });
        try
        {
            var first = await CreateAsync(api, org.Tenant.Booking(TestTenant.Slot(5, 13)));
            // Another visitor books while the client is told to wait: the limit is the client's, not one callback's.
            var second = await CreateAsync(api, org.Tenant.Booking(TestTenant.Slot(5, 14)));

            await EventuallyAsync(async () => (await BookingAsync(first)).GetProperty("callbackStatus").GetString() == "scheduled"
                && (await BookingAsync(second)).GetProperty("callbackStatus").GetString() == "scheduled");

            var posts = await CreatePostsAsync(emulator);
            Assert.Equal([429, 200, 200], posts.Select(r => r.GetProperty("status").GetInt32()));
            var limitedAt = posts[0].GetProperty("arrivalMs").GetDouble();
            Assert.All(posts.Skip(1), post => Assert.True(post.GetProperty("arrivalMs").GetDouble() - limitedAt >= 3000,
                "a create went out before the Retry-After of the client's 429"));
        }
        finally
        {
            await emulator.DeleteAsync("/emulator/faults", CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_permanent_error_fails_the_callback_once_with_its_reason()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);
        using var emulator = ContactCenterOrg.Emulator(app);
        await FaultAsync(emulator, new { path = Creates, method = "POST", kind = "Status", status = 403, times = 1 });
        try
        {
            var answer = await CreateAsync(api, org.Tenant.Booking(TestTenant.Slot(6, 9)));
            var bookingId = answer.GetProperty("bookingId").GetString()!;

            await EventuallyAsync(async () => (await BookingAsync(answer)).GetProperty("callbackStatus").GetString() == "failed");
            await Task.Delay(TimeSpan.FromSeconds(3), Token); // room for a retry that must not come

            await using var db = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
            await db.OpenAsync(Token);
            await using var command = new NpgsqlCommand("""
                SELECT o.attempts, o.failed_at IS NOT NULL, o.last_error, b.callback_error
                FROM outbox o JOIN bookings b ON b.id = o.booking_id
                WHERE o.booking_id = @id AND o.kind = 'callback.create'
                """, db);
            command.Parameters.AddWithValue("id", bookingId);
            await using var reader = await command.ExecuteReaderAsync(Token);
            Assert.True(await reader.ReadAsync(Token));
            Assert.Equal((1, true), (reader.GetInt32(0), reader.GetBoolean(1)));
            Assert.Contains("missing.any.permissions", reader.GetString(2), StringComparison.Ordinal);
            Assert.Contains("missing.any.permissions", reader.GetString(3), StringComparison.Ordinal);
            Assert.Empty(await org.CallbacksOfAsync(bookingId, Token));
            // Visible on the booking itself, through the public API.
            Assert.Contains("missing.any.permissions", (await BookingAsync(answer)).GetProperty("callbackError").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await emulator.DeleteAsync("/emulator/faults", CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_scheduled_callback_is_offered_at_its_time_only_to_an_agent_with_all_skills_and_decline_moves_it_on()
    {
        var now = DateTimeOffset.UtcNow;
        var opensAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddSeconds(60 + 60);
        var org = await ContactCenterOrg.CreateAsync(app, Token, opensAt);
        var videoOnly = await org.AddAgentAsync("VideoOnly", [org.Video], Token);
        var first = await org.AddAgentAsync("BothOne", [org.Video, org.Arabic], Token);
        var second = await org.AddAgentAsync("BothTwo", [org.Video, org.Arabic], Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);
        using var emulator = ContactCenterOrg.Emulator(app);

        var answer = await CreateAsync(api, org.Tenant.Booking(opensAt.UtcDateTime));
        var bookingId = answer.GetProperty("bookingId").GetString()!;
        await EventuallyAsync(async () => (await org.CallbacksOfAsync(bookingId, Token)).Count == 1);
        var early = Assert.Single(await org.CallbacksOfAsync(bookingId, Token));
        if (DateTimeOffset.UtcNow < opensAt - TimeSpan.FromSeconds(2))
        {
            Assert.Equal("scheduled", early.GetProperty("status").GetString());
        }
        var conversationId = early.GetProperty("id").GetString()!;

        var offered = await EventuallyAsync(async () => (await org.CallbacksOfAsync(bookingId, Token)) is [var c]
            && c.GetProperty("status").GetString() == "offered" ? c : (JsonElement?)null, opensAt - DateTimeOffset.UtcNow + Patience);
        Assert.True(DateTimeOffset.UtcNow >= opensAt, "offered before its scheduled time");
        var offeredTo = offered.GetProperty("agentId").GetGuid();
        Assert.Contains(offeredTo, new[] { first, second });

        var declined = await emulator.PostAsync($"/desktop/offers/{conversationId}/decline?agent={offeredTo}", null, Token);
        Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);
        var other = offeredTo == first ? second : first;
        await EventuallyAsync(async () => (await org.CallbacksOfAsync(bookingId, Token)) is [var c]
            && c.GetProperty("status").GetString() == "offered" && c.GetProperty("agentId").GetGuid() == other);

        var accepted = await emulator.PostAsync($"/desktop/offers/{conversationId}/accept?agent={other}", null, Token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var agentUrl = (await accepted.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("agentUrl").GetString()!;
        Assert.Contains($"/rooms/{bookingId}?token=", agentUrl, StringComparison.Ordinal);
        var legs = Assert.Single(await org.CallbacksOfAsync(bookingId, Token)).GetProperty("participants").EnumerateArray()
            .Where(p => p.GetProperty("purpose").GetString() == "agent")
            .Select(p => p.GetProperty("user").GetProperty("id").GetGuid()).ToList();
        Assert.Equal([offeredTo, other], legs);
        Assert.DoesNotContain(videoOnly, legs);
    }

    private const string Creates = "/api/v2/conversations/callbacks";

    private static async Task<JsonElement> CreateAsync(HttpClient api, object booking)
    {
        var response = await api.PostAsJsonAsync("/create", booking, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    private async Task<JsonElement> BookingAsync(JsonElement answer)
    {
        using var anonymous = app.CreateApiClient(widgetKey: null);
        return await anonymous.GetFromJsonAsync<JsonElement>(new Uri(answer.GetProperty("manageUrl").GetString()!).PathAndQuery, Token);
    }

    /// <summary>The callback creates the emulator received, in order, as its request journal records them.</summary>
    private static async Task<List<JsonElement>> CreatePostsAsync(HttpClient emulator) =>
        (await emulator.GetFromJsonAsync<JsonElement>($"/emulator/requests?path={Creates}&method=POST", Token))
            .EnumerateArray().Where(r => r.GetProperty("path").GetString() == Creates).ToList();

    private static async Task FaultAsync(HttpClient emulator, object fault) =>
        (await emulator.PostAsJsonAsync("/emulator/faults", fault, Token)).EnsureSuccessStatusCode();

    private static Task<bool> EventuallyAsync(Func<Task<bool>> condition) =>
        EventuallyAsync(async () => await condition() ? true : (bool?)null, Patience);

    /// <summary>Polls until <paramref name="probe"/> answers, rather than sleeping a guess.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan? patience = null) where T : struct
    {
        var deadline = DateTimeOffset.UtcNow + (patience ?? Patience);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, "gave up waiting");
            await Task.Delay(TimeSpan.FromMilliseconds(250), Token);
        }
    }

    [Fact]
    public async Task Ambiguous_create_answered_too_late_is_found_by_booking_id_and_not_made_twice()
    {
        var org = await ContactCenterOrg.CreateAsync(app, Token);
        using var api = app.CreateApiClient(org.Tenant.WidgetKey);
        using var emulator = ContactCenterOrg.Emulator(app);
        // Genesys:RequestTimeout is 15 s (the AppHost keeps the default): the callback is made, its answer comes at 16 s.
        await FaultAsync(emulator, new { path = Creates, method = "POST", kind = "LateAnswer", latencyMs = 16_000, times = 1 });
        try
        {
            var answer = await CreateAsync(api, org.Tenant.Booking(TestTenant.Slot(7, 9)));
            var bookingId = answer.GetProperty("bookingId").GetString()!;

            await EventuallyAsync(async () => (await BookingAsync(answer)).GetProperty("callbackStatus").GetString() == "scheduled");

            var callback = Assert.Single(await org.CallbacksOfAsync(bookingId, Token));
            Assert.Equal(callback.GetProperty("id").GetString(), (await BookingAsync(answer)).GetProperty("callbackId").GetString());
            var searches = await emulator.GetFromJsonAsync<JsonElement>(
                "/emulator/requests?path=/api/v2/conversations/participants/attributes/search&method=POST", Token);
            Assert.Contains(searches.EnumerateArray(), r => r.GetProperty("status").GetInt32() == 200);
        }
        finally
        {
            await emulator.DeleteAsync("/emulator/faults", CancellationToken.None);
        }
    }
}
