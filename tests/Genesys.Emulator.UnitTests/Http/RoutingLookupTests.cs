using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

public sealed class RoutingLookupTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seeded_queue_is_found_by_name()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v2/routing/queues?name=VIP-Video-Q", _ct);

        var queue = Assert.Single(page.GetProperty("entities").EnumerateArray());
        Assert.Equal("VIP-Video-Q", queue.GetProperty("name").GetString());
        Assert.Equal("active", queue.GetProperty("state").GetString());
        Assert.True(Guid.TryParse(queue.GetProperty("id").GetString(), out _));
        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(1, page.GetProperty("pageCount").GetInt32());
        Assert.Equal(1, page.GetProperty("pageNumber").GetInt32());
        Assert.Equal(25, page.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Queues_filter_by_id_repeated_or_comma_joined_and_users_carry_a_version()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var seeded = Seed.DemoOrg.QueueId;

        foreach (var query in new[] { $"id={seeded}", $"id={seeded},{Guid.NewGuid()}", $"id={Guid.NewGuid()}&id={seeded}" })
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v2/routing/queues?{query}", _ct);
            Assert.Equal(seeded, Assert.Single(page.GetProperty("entities").EnumerateArray()).GetProperty("id").GetGuid());
        }
        var none = await client.GetFromJsonAsync<JsonElement>($"/api/v2/routing/queues?id={Guid.NewGuid()}", _ct);
        Assert.Empty(none.GetProperty("entities").EnumerateArray());
        var users = await client.GetFromJsonAsync<JsonElement>("/api/v2/users", _ct);
        Assert.All(users.GetProperty("entities").EnumerateArray(), u => Assert.Equal(1, u.GetProperty("version").GetInt32()));
        var search = await (await client.PostAsJsonAsync("/api/v2/conversations/participants/attributes/search",
            new { query = new[] { new { type = "EXACT", fields = new[] { "bookingId" }, value = "none" } } }, _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("conversations", search.GetProperty("types")[0].GetString());
        var error = await (await client.GetAsync($"/api/v2/conversations/{Guid.NewGuid()}", _ct)).Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal(JsonValueKind.Array, error.GetProperty("details").ValueKind);
    }

    [Theory]
    [InlineData("/api/v2/routing/skills?name=Arabic", "Arabic")]
    [InlineData("/api/v2/routing/skills?name=Vid", "Video")]
    [InlineData("/api/v2/routing/languages?name=English", "English")]
    public async Task Skills_and_languages_are_found_by_leading_name(string url, string expected)
    {
        using var client = await emulator.CreateApiClientAsync(_ct);

        var page = await client.GetFromJsonAsync<JsonElement>(url, _ct);

        Assert.Contains(page.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == expected);
    }

    [Fact]
    public async Task Pages_split_the_entities()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v2/routing/skills?pageSize=2&pageNumber=1", _ct);
        var second = await client.GetFromJsonAsync<JsonElement>("/api/v2/routing/skills?pageSize=2&pageNumber=2", _ct);

        var total = first.GetProperty("total").GetInt32();
        Assert.True(total >= 3);
        Assert.Equal((total + 1) / 2, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(2, first.GetProperty("entities").GetArrayLength());
        Assert.Equal(2, second.GetProperty("pageNumber").GetInt32());
        Assert.DoesNotContain(second.GetProperty("entities").EnumerateArray(),
            e => first.GetProperty("entities").EnumerateArray().Any(f => f.GetProperty("id").GetString() == e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Users_list_the_agents_with_their_email()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/v2/users?pageSize=100", _ct);

        Assert.Contains(page.GetProperty("entities").EnumerateArray(),
            u => u.GetProperty("email").GetString() == "layla.haddad@agents.example" && u.GetProperty("state").GetString() == "active");
    }

    [Theory]
    [InlineData("/api/v2/routing/skills?pageSize=0")]
    [InlineData("/api/v2/routing/skills?pageSize=501")]
    [InlineData("/api/v2/routing/queues?pageNumber=0")]
    [InlineData("/api/v2/routing/queues?pageSize=many")]
    public async Task Bad_paging_is_a_bad_request(string url)
    {
        using var client = await emulator.CreateApiClientAsync(_ct);

        using var response = await client.GetAsync(url, _ct);

        await GenesysAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "bad.request");
    }

    [Fact]
    public async Task An_unknown_route_is_not_found_in_the_platform_shape()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);

        using var response = await client.GetAsync("/api/v2/routing/wrapupcodes", _ct);

        await GenesysAssert.ErrorAsync(response, HttpStatusCode.NotFound, "not.found");
    }
}
