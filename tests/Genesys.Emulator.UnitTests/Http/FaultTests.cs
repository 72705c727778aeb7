using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

/// <summary>Faults are global to an emulator, so these tests share one that no other class uses, and run in sequence.</summary>
public sealed class FaultTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>, IAsyncLifetime
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        using var client = emulator.CreateClient();
        (await client.DeleteAsync("/emulator/faults", _ct)).Dispose();
        (await client.DeleteAsync("/emulator/requests", _ct)).Dispose();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Injected_429s_carry_retry_after_then_requests_pass_again()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        await AddFaultAsync(client, new { path = "/api/v2/routing/queues", method = "GET", kind = "Status", status = 429, retryAfterSeconds = 2, times = 2 });

        using var first = await client.GetAsync("/api/v2/routing/queues", _ct);
        using var second = await client.GetAsync("/api/v2/routing/queues", _ct);
        using var third = await client.GetAsync("/api/v2/routing/queues", _ct);

        foreach (var limited in new[] { first, second })
        {
            await GenesysAssert.ErrorAsync(limited, HttpStatusCode.TooManyRequests, "too.many.requests");
            Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter?.Delta);
            Assert.Equal("2", Assert.Single(limited.Headers.GetValues("inin-ratelimit-reset")));
        }
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Theory]
    [InlineData(502, "bad.gateway")]
    [InlineData(503, "service.unavailable")]
    [InlineData(504, "gateway.timeout")]
    public async Task Injected_server_errors_use_the_platform_body(int status, string code)
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        await AddFaultAsync(client, new { path = "/api/v2/conversations/callbacks", method = "POST", kind = "Status", status });

        using var failed = await client.PostAsJsonAsync("/api/v2/conversations/callbacks", new { }, _ct);

        await GenesysAssert.ErrorAsync(failed, (HttpStatusCode)status, code);
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_request_once()
    {
        using var client = emulator.CreateClient();
        await AddFaultAsync(client, new { path = "/oauth/token", kind = "Drop" });

        await Assert.ThrowsAnyAsync<Exception>(() => EmulatorFactory.TokenAsync(client, _ct));
        Assert.False(string.IsNullOrEmpty(await EmulatorFactory.TokenAsync(client, _ct)));

        var journal = await client.GetFromJsonAsync<JsonElement>("/emulator/requests?path=/oauth", _ct);
        var statuses = journal.EnumerateArray().Select(r => (r.GetProperty("status").GetInt32(), r.TryGetProperty("fault", out var f) ? f.GetString() : null)).ToList();
        Assert.Equal([(0, "drop"), (200, null)], statuses);
    }

    [Fact]
    public async Task Latency_delays_every_matching_request_until_cleared()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        await AddFaultAsync(client, new { path = "/api/v2/users", kind = "Latency", latencyMs = 300 });

        var started = DateTimeOffset.UtcNow;
        using var slow = await client.GetAsync("/api/v2/users", _ct);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(290));
        Assert.Equal(HttpStatusCode.OK, slow.StatusCode);

        (await client.DeleteAsync("/emulator/faults", _ct)).Dispose();
        var faults = await client.GetFromJsonAsync<JsonElement>("/emulator/faults", _ct);
        Assert.Equal(0, faults.GetArrayLength());
    }

    [Fact]
    public async Task The_journal_records_when_each_request_arrived_so_retry_pacing_can_be_checked()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        (await client.DeleteAsync("/emulator/requests", _ct)).Dispose();
        await AddFaultAsync(client, new { path = "/api/v2/routing/skills", kind = "Status", status = 429, retryAfterSeconds = 1 });

        using var limited = await client.GetAsync("/api/v2/routing/skills", _ct);
        await Task.Delay(limited.Headers.RetryAfter!.Delta!.Value, _ct);
        using var retried = await client.GetAsync("/api/v2/routing/skills", _ct);

        var journal = (await client.GetFromJsonAsync<JsonElement>("/emulator/requests?path=/api/v2/routing/skills&method=GET", _ct))
            .EnumerateArray().ToList();
        Assert.Equal([429, 200], journal.Select(r => r.GetProperty("status").GetInt32()));
        var gap = journal[1].GetProperty("arrivalMs").GetDouble() - journal[0].GetProperty("arrivalMs").GetDouble();
        // Task.Delay's timer ticks in whole milliseconds, so it may end a hair before a precise clock says a second passed.
        Assert.True(gap >= 998, $"retried after {gap} ms");
        Assert.True(journal[1].GetProperty("timestamp").GetDateTimeOffset() > journal[0].GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal("status 429 retry-after 1", journal[0].GetProperty("fault").GetString());
    }

    [Fact]
    public async Task A_fault_without_a_kind_or_with_an_odd_status_is_refused()
    {
        using var client = emulator.CreateClient();

        using var noKind = await client.PostAsJsonAsync("/emulator/faults", new { path = "/api/v2/users" }, _ct);
        using var oddStatus = await client.PostAsJsonAsync("/emulator/faults", new { path = "/api/v2/users", kind = "Status", status = 418 }, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, noKind.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oddStatus.StatusCode);
    }

    [Fact]
    public async Task A_late_answer_creates_the_callback_then_answers_past_the_clients_timeout()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        var agentUrl = $"https://agent.example/room/{Guid.NewGuid():N}";
        await AddFaultAsync(client, new { path = "/api/v2/conversations/callbacks", method = "POST", kind = "LateAnswer", latencyMs = 2000 });
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(_ct);
        patience.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            client.PostAsJsonAsync("/api/v2/conversations/callbacks", org.Callback([org.VideoId], agentUrl: agentUrl), patience.Token));

        Assert.Single(await CallbacksWithAsync(agentUrl));
        var journal = await client.GetFromJsonAsync<JsonElement>("/emulator/requests?path=/api/v2/conversations/callbacks&method=POST", _ct);
        var entry = Assert.Single(journal.EnumerateArray());
        Assert.Equal((0, "late answer 2000 ms"), (entry.GetProperty("status").GetInt32(), entry.GetProperty("fault").GetString()));
    }

    [Fact]
    public async Task A_late_answer_within_the_clients_patience_still_arrives_whole()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        await AddFaultAsync(client, new { path = "/api/v2/conversations/callbacks", method = "POST", kind = "LateAnswer", latencyMs = 200 });

        var started = DateTimeOffset.UtcNow;
        using var response = await client.PostAsJsonAsync("/api/v2/conversations/callbacks", org.Callback([org.VideoId]), _ct);

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromMilliseconds(190));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.True(body.GetProperty("conversation").GetProperty("id").TryGetGuid(out _));
    }

    [Fact]
    public async Task A_lost_answer_creates_the_callback_and_drops_the_connection()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        var agentUrl = $"https://agent.example/room/{Guid.NewGuid():N}";
        await AddFaultAsync(client, new { path = "/api/v2/conversations/callbacks", method = "POST", kind = "LostAnswer" });

        await Assert.ThrowsAnyAsync<Exception>(() =>
            client.PostAsJsonAsync("/api/v2/conversations/callbacks", org.Callback([org.VideoId], agentUrl: agentUrl), _ct));

        Assert.Single(await CallbacksWithAsync(agentUrl));
    }

    [Fact]
    public async Task A_late_answer_needs_its_delay()
    {
        using var client = emulator.CreateClient();

        using var response = await client.PostAsJsonAsync("/emulator/faults", new { path = "/api/v2/conversations/callbacks", kind = "LateAnswer" }, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<List<JsonElement>> CallbacksWithAsync(string agentUrl)
    {
        using var admin = emulator.CreateClient();
        var all = await admin.GetFromJsonAsync<JsonElement>("/emulator/callbacks", _ct);
        return [.. all.EnumerateArray().Where(c => c.GetProperty("data").GetProperty("agentUrl").GetString() == agentUrl)];
    }

    private async Task AddFaultAsync(HttpClient client, object fault)
    {
        using var response = await client.PostAsJsonAsync("/emulator/faults", fault, _ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
