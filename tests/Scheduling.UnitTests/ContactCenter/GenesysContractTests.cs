using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;
using VideoEngager.Scheduling.Outbox;

namespace VideoEngager.Scheduling.UnitTests.ContactCenter;

/// <summary>
/// The client against the emulator, scenario by scenario, as a real org would answer them: token, create, get, patch,
/// disconnect, and each error the dispatcher must tell apart (transient with Retry-After, or permanent).
/// </summary>
public sealed class GenesysContractTests : IAsyncLifetime
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Slot = new(2030, 12, 3, 10, 30, 0, TimeSpan.Zero);
    private readonly EmulatorOrg _org = new();
    private (Guid Queue, Guid Video, Guid Arabic) _ids;

    public async ValueTask InitializeAsync() => _ids = await _org.SeedAsync(Token);

    public async ValueTask DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task A_notification_channel_subscribes_to_the_callbacks_of_queues_named_and_reads_their_events()
    {
        var client = _org.Client();

        var channel = await client.CreateNotificationChannelAsync(Token);
        var topics = await client.SubscribeToCallbacksAsync(channel.Id, [_org.QueueName, "No-such-queue"], Token);

        Assert.Equal(1, topics);
        Assert.Contains(channel.ConnectUri.Scheme, new[] { "ws", "wss" });
        var put = Assert.Single(await _org.RequestsAsync($"/api/v2/notifications/channels/{channel.Id}/subscriptions", "PUT", Token));
        Assert.Equal(200, put.GetProperty("status").GetInt32());

        var offered = GenesysWire.ReadCallbackEvent($$$"""
            {"topicName":"v2.routing.queues.{{{_ids.Queue}}}.conversations.callbacks","version":"2","eventBody":{"id":"c-1",
             "participants":[{"id":"p1","purpose":"customer","state":"connected"},{"id":"p2","purpose":"agent","state":"alerting"}]}}
            """);
        Assert.Equal(("c-1", true, false, false), (offered!.ConversationId, offered.Offered, offered.AgentConnected, offered.Ended));
        Assert.Null(GenesysWire.ReadCallbackEvent("""{"topicName":"channel.metadata","eventBody":{"message":"WebSocket Heartbeat"}}"""));
        Assert.Null(GenesysWire.ReadCallbackEvent("not json"));
    }

    [Fact]
    public async Task A_callback_is_created_with_ids_resolved_from_names_and_reads_back()
    {
        var client = _org.Client();

        var created = await client.CreateCallbackAsync(_org.Callback(Slot), Token);

        var stored = await _org.StoredAsync(created.ConversationId, Token);
        Assert.Equal(_ids.Queue, stored.GetProperty("queueId").GetGuid());
        Assert.Equal(new[] { _ids.Video, _ids.Arabic }.Order(), stored.GetProperty("skillIds").EnumerateArray().Select(s => s.GetGuid()).Order());
        Assert.NotEqual(JsonValueKind.Null, stored.GetProperty("languageId").ValueKind);
        Assert.Equal(7, stored.GetProperty("priority").GetInt32());
        Assert.Equal("Fatima Al-Ali", stored.GetProperty("callbackUserName").GetString());
        Assert.Equal("+971501234567", stored.GetProperty("callbackNumbers")[0].GetString());
        Assert.Equal("AE", stored.GetProperty("countryCode").GetString());
        Assert.Equal(Slot, stored.GetProperty("callbackScheduledTime").GetDateTimeOffset());
        Assert.Equal(created.CallbackId, stored.GetProperty("acdCallbackId").GetGuid().ToString());

        var read = await client.FindCallbackAsync(created.ConversationId, Token);
        Assert.NotNull(read);
        Assert.Equal((_ids.Queue.ToString(), Slot, false), (read.QueueId, read.ScheduledTime, read.Ended));
        Assert.Equal("bk-1", read.Data["bookingId"]);
        Assert.Equal("https://edge.example/rooms/bk-1?token=agent", read.Data["agentUrl"]);
        Assert.Equal("Post-paid", read.Data["productLine"]);
    }

    [Fact]
    public async Task A_callback_for_now_has_no_scheduled_time_and_an_unknown_language_is_left_out()
    {
        var client = _org.Client();

        var created = await client.CreateCallbackAsync(_org.Callback(null, language: "fr"), Token);

        var stored = await _org.StoredAsync(created.ConversationId, Token);
        Assert.False(stored.TryGetProperty("callbackScheduledTime", out var time) && time.ValueKind != JsonValueKind.Null);
        Assert.False(stored.TryGetProperty("languageId", out var language) && language.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task One_token_and_one_look_up_per_name_serve_many_calls()
    {
        var client = _org.Client();

        for (var i = 0; i < 3; i++)
        {
            await client.CreateCallbackAsync(_org.Callback(Slot), Token);
        }

        Assert.Single(await _org.RequestsAsync("/oauth/token", "POST", Token));
        Assert.Single(await _org.RequestsAsync("/api/v2/routing/queues", "GET", Token));
        Assert.Equal(2, (await _org.RequestsAsync("/api/v2/routing/skills", "GET", Token)).Count);
        Assert.Equal(3, (await _org.RequestsAsync("/api/v2/conversations/callbacks", "POST", Token)).Count);
    }

    [Fact]
    public async Task Reschedule_moves_the_callback_and_disconnect_ends_it_twice_without_error()
    {
        var client = _org.Client();
        var created = await client.CreateCallbackAsync(_org.Callback(Slot), Token);

        await client.RescheduleCallbackAsync(created.ConversationId, Slot.AddHours(2), Token);
        Assert.Equal(Slot.AddHours(2), (await client.FindCallbackAsync(created.ConversationId, Token))!.ScheduledTime);

        await client.CancelCallbackAsync(created.ConversationId, created.CallbackId, Token);
        await client.CancelCallbackAsync(created.ConversationId, created.CallbackId, Token);
        Assert.True((await client.FindCallbackAsync(created.ConversationId, Token))!.Ended);
        Assert.Equal("disconnected", (await _org.StoredAsync(created.ConversationId, Token)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_conversation_is_not_found_on_read_and_permanent_on_patch()
    {
        var client = _org.Client();

        Assert.Null(await client.FindCallbackAsync(Guid.NewGuid().ToString(), Token));
        var error = await Assert.ThrowsAsync<ContactCenterException>(() =>
            client.RescheduleCallbackAsync(Guid.NewGuid().ToString(), Slot, Token));
        Assert.Equal((404, "not.found", false), (error.Status, error.Code, error.Transient));
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_once_and_the_call_goes_through()
    {
        var client = _org.Client();
        await client.CreateCallbackAsync(_org.Callback(Slot), Token);
        (await _org.Admin.DeleteAsync("/emulator/tokens", Token)).EnsureSuccessStatusCode();

        await client.CreateCallbackAsync(_org.Callback(Slot), Token);

        Assert.Equal(2, (await _org.RequestsAsync("/oauth/token", "POST", Token)).Count);
        var creates = await _org.RequestsAsync("/api/v2/conversations/callbacks", "POST", Token);
        Assert.Equal([200, 401, 200], creates.Select(r => r.GetProperty("status").GetInt32()));
    }

    [Fact]
    public async Task Bad_client_credentials_are_permanent()
    {
        var client = _org.Client(_org.Options(secret: "wrong"));

        var error = await Assert.ThrowsAsync<ContactCenterException>(() => client.CreateCallbackAsync(_org.Callback(Slot), Token));

        Assert.Equal((400, "unauthorized_client", false), (error.Status, error.Code, error.Transient));
    }

    [Fact]
    public async Task A_queue_or_skill_the_org_lacks_is_permanent_and_nothing_is_created()
    {
        var client = _org.Client();

        var queue = await Assert.ThrowsAsync<ContactCenterException>(() =>
            client.CreateCallbackAsync(_org.Callback(Slot, queue: "No-Such-Queue"), Token));
        var skill = await Assert.ThrowsAsync<ContactCenterException>(() =>
            client.CreateCallbackAsync(_org.Callback(Slot, skills: [_org.VideoSkill, "No-Such-Skill"]), Token));

        Assert.False(queue.Transient || skill.Transient);
        Assert.Contains("No-Such-Queue", queue.Message, StringComparison.Ordinal);
        Assert.Contains("No-Such-Skill", skill.Message, StringComparison.Ordinal);
        Assert.Empty(await _org.RequestsAsync("/api/v2/conversations/callbacks", "POST", Token));
    }

    [Theory]
    [InlineData(429, true, "too.many.requests")]
    [InlineData(502, true, "bad.gateway")]
    [InlineData(503, true, "service.unavailable")]
    [InlineData(504, true, "gateway.timeout")]
    [InlineData(400, false, "bad.request")]
    [InlineData(403, false, "missing.any.permissions")]
    [InlineData(404, false, "not.found")]
    public async Task Each_error_status_is_classified_with_its_code(int status, bool transient, string code)
    {
        var client = _org.Client();
        await _org.FaultAsync(new { path = "/api/v2/conversations/callbacks", method = "POST", kind = "Status", status, retryAfterSeconds = status == 429 ? 2 : (int?)null }, Token);

        var error = await Assert.ThrowsAsync<ContactCenterException>(() => client.CreateCallbackAsync(_org.Callback(Slot), Token));

        Assert.Equal((status, transient, code, false), (error.Status, error.Transient, error.Code, error.Ambiguous));
        Assert.Equal(status == 429 ? TimeSpan.FromSeconds(2) : null, error.RetryAfter);
        Assert.False(string.IsNullOrEmpty(error.CorrelationId));
    }

    [Fact]
    public async Task A_429_without_Retry_After_waits_three_seconds_as_the_SDKs_do()
    {
        var client = _org.Client();
        await _org.FaultAsync(new { path = "/api/v2/conversations/callbacks", method = "PATCH", kind = "Status", status = 429 }, Token);

        var error = await Assert.ThrowsAsync<ContactCenterException>(() =>
            client.RescheduleCallbackAsync(Guid.NewGuid().ToString(), Slot, Token));

        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
    }

    [Fact]
    public async Task No_answer_in_time_is_transient_and_ambiguous()
    {
        var client = _org.Client(_org.Options(timeout: TimeSpan.FromMilliseconds(500)));
        await client.FindCallbackAsync(Guid.NewGuid().ToString(), Token); // token and nothing else
        await _org.FaultAsync(new { path = "/api/v2/conversations/callbacks", method = "POST", kind = "Latency", latencyMs = 5000, times = 1 }, Token);

        var error = await Assert.ThrowsAsync<ContactCenterException>(() => client.CreateCallbackAsync(_org.Callback(Slot), Token));

        Assert.True(error.Transient && error.Ambiguous);
        Assert.Null(error.Status);
    }

    [Fact]
    public async Task A_dropped_connection_is_transient()
    {
        var client = _org.Client();
        await _org.FaultAsync(new { path = "/api/v2/conversations/callbacks/bulk/disconnect", kind = "Drop" }, Token);

        var error = await Assert.ThrowsAsync<ContactCenterException>(() => client.CancelCallbackAsync(Guid.NewGuid().ToString(), null, Token));

        Assert.True(error.Transient);
        Assert.Null(error.Status);
    }

    [Fact]
    public async Task A_create_whose_answer_came_too_late_is_found_by_its_booking_id()
    {
        var client = _org.Client(_org.Options(timeout: TimeSpan.FromMilliseconds(500)));
        await client.FindCallbackAsync(Guid.NewGuid().ToString(), Token); // token and nothing else
        var bookingId = $"bk-{Guid.NewGuid():N}";
        var request = _org.Callback(Slot) with
        {
            Data = new Dictionary<string, string> { ["bookingId"] = bookingId, ["agentUrl"] = "https://edge.example/a" },
        };
        await _org.FaultAsync(new { path = "/api/v2/conversations/callbacks", method = "POST", kind = "LateAnswer", latencyMs = 3000 }, Token);

        var error = await Assert.ThrowsAsync<ContactCenterException>(() => client.CreateCallbackAsync(request, Token));
        var found = await client.FindCallbackIdByBookingAsync(bookingId, Token);

        Assert.True(error.Ambiguous);
        Assert.NotNull(found);
        var stored = await _org.StoredAsync(found, Token);
        Assert.Equal(bookingId, stored.GetProperty("data").GetProperty("bookingId").GetString());
        Assert.Null(await client.FindCallbackIdByBookingAsync($"bk-{Guid.NewGuid():N}", Token));
    }

    [Fact]
    public async Task The_dispatchers_retry_after_a_lost_answer_keeps_the_one_callback_made()
    {
        var processor = new CallbackProcessor(_org.Client(),
            new BookingLinks("https://edge.example/"),
            TimeProvider.System, Options.Create(new DispatchOptions()),
            NullLogger<CallbackProcessor>.Instance);
        var booking = Booking();
        await _org.FaultAsync(new { path = "/api/v2/conversations/callbacks", method = "POST", kind = "LostAnswer" }, Token);

        var first = Assert.IsType<DispatchOutcome.Retry>(await processor.ProcessAsync(Message(1, null), booking, Token));
        var second = Assert.IsType<DispatchOutcome.Done>(await processor.ProcessAsync(Message(2, first.Reason), booking, Token));

        var callbacks = (await _org.Admin.GetFromJsonAsync<JsonElement[]>("/emulator/callbacks", Token))!
            .Where(c => c.GetProperty("data").TryGetProperty("bookingId", out var id) && id.GetString() == booking.Id).ToList();
        Assert.Equal(second.Callback?.CallbackId, Assert.Single(callbacks).GetProperty("id").GetString());
        Assert.Single(await _org.RequestsAsync("/api/v2/conversations/callbacks", "POST", Token));
    }

    private static OutboxMessage Message(int attempts, string? lastError) => new()
    {
        BookingId = "unused",
        Channel = OutboxChannels.ContactCenter,
        Kind = OutboxKinds.CallbackCreate,
        Attempts = attempts,
        LastError = lastError,
    };

    private Booking Booking() => new()
    {
        Id = $"bk-{Guid.NewGuid():N}",
        TenantId = "t",
        QueueId = _org.QueueName,
        Status = BookingStatus.Confirmed,
        ScheduledTime = Slot,
        VisitorName = "Fatima Al-Ali",
        VisitorEmail = "fatima@example.com",
        VisitorPhone = "+971501234567",
        PreferredLang = "ar",
        Skills = [_org.VideoSkill, _org.ArabicSkill],
        Priority = 5,
        Attributes = [],
        CustomerToken = "customer-token",
        AgentToken = "agent-token",
        ManageToken = "manage-token",
        CallbackStatus = CallbackStatus.Pending,
    };
}
