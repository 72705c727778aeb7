using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

/// <summary><c>POST /api/v2/conversations/participants/attributes/search</c> over the callbacks' data.</summary>
public sealed class ParticipantSearchTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private const string Search = "/api/v2/conversations/participants/attributes/search";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_exact_attribute_finds_only_the_callbacks_carrying_it_with_their_participants()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        var bookingId = $"bk-{Guid.NewGuid():N}";
        var mine = await CreateAsync(client, org, bookingId);
        await CreateAsync(client, org, $"bk-{Guid.NewGuid():N}");

        var body = await SearchAsync(client, new { query = new[] { new { type = "EXACT", fields = new[] { "bookingId" }, value = bookingId } } });

        Assert.Equal((1, 1, 1), (body.GetProperty("total").GetInt32(), body.GetProperty("pageCount").GetInt32(), body.GetProperty("pageNumber").GetInt32()));
        var result = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal(mine, result.GetProperty("conversation").GetProperty("id").GetGuid());
        var customer = result.GetProperty("participants").EnumerateArray().First(p => p.GetProperty("purpose").GetString() == "customer");
        Assert.Equal(bookingId, customer.GetProperty("attributes").GetProperty("bookingId").GetString());
        Assert.False(body.TryGetProperty("cursor", out _));
    }

    [Fact]
    public async Task Matches_page_by_page_size_and_by_cursor()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        var bookingId = $"bk-{Guid.NewGuid():N}";
        List<Guid> made = [await CreateAsync(client, org, bookingId), await CreateAsync(client, org, bookingId), await CreateAsync(client, org, bookingId)];
        var query = new[] { new { type = "EXACT", fields = new[] { "bookingId" }, value = bookingId } };

        var first = await SearchAsync(client, new { query, pageSize = 2 });
        var second = await SearchAsync(client, new { query, cursor = first.GetProperty("cursor").GetString() });
        var byNumber = await SearchAsync(client, new { query, pageSize = 2, pageNumber = 2 });

        Assert.Equal((3, 2), (first.GetProperty("total").GetInt32(), first.GetProperty("pageCount").GetInt32()));
        Assert.Equal(made, Ids(first).Concat(Ids(second)));
        Assert.Equal(2, second.GetProperty("pageNumber").GetInt32());
        Assert.Equal([made[2]], Ids(byNumber));
    }

    [Fact]
    public async Task An_unsupported_query_or_a_missing_token_gets_the_platforms_error()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        using var anonymous = emulator.CreateClient();

        using var range = await client.PostAsJsonAsync(Search, new { query = new[] { new { type = "DATE_RANGE", fields = new[] { "startTime" } } } }, _ct);
        using var empty = await client.PostAsJsonAsync(Search, new { query = Array.Empty<object>() }, _ct);
        using var badCursor = await client.PostAsJsonAsync(Search, new { query = new[] { new { type = "EXACT", fields = new[] { "bookingId" }, value = "x" } }, cursor = "%%" }, _ct);
        using var unauthorised = await anonymous.PostAsJsonAsync(Search, new { query = new[] { new { type = "EXACT", fields = new[] { "bookingId" }, value = "x" } } }, _ct);

        await GenesysAssert.ErrorAsync(range, HttpStatusCode.BadRequest, "bad.request");
        await GenesysAssert.ErrorAsync(empty, HttpStatusCode.BadRequest, "bad.request");
        await GenesysAssert.ErrorAsync(badCursor, HttpStatusCode.BadRequest, "bad.request");
        await GenesysAssert.ErrorAsync(unauthorised, HttpStatusCode.Unauthorized, "bad.credentials");
    }

    private static IEnumerable<Guid> Ids(JsonElement page) =>
        page.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("conversation").GetProperty("id").GetGuid());

    private async Task<JsonElement> SearchAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync(Search, body, _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
    }

    private async Task<Guid> CreateAsync(HttpClient client, TestOrg org, string bookingId)
    {
        var callback = new
        {
            routingData = new { queueId = org.QueueId, skillIds = new[] { org.VideoId }, priority = 5 },
            callbackUserName = "Fatima Al-Ali",
            callbackNumbers = new[] { "+971501234567" },
            callbackScheduledTime = "2030-12-03T10:30:00.000Z",
            data = new Dictionary<string, string> { ["bookingId"] = bookingId, ["agentUrl"] = "https://agent.example/room/1" },
        };
        using var response = await client.PostAsJsonAsync("/api/v2/conversations/callbacks", callback, _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("conversation").GetProperty("id").GetGuid();
    }
}
