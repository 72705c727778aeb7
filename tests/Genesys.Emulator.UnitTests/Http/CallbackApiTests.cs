using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

public sealed class CallbackApiTests(EmulatorFactory emulator) : IClassFixture<EmulatorFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_callback_answers_its_conversation_and_both_identifiers()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);

        using var response = await client.PostAsJsonAsync("/api/v2/conversations/callbacks",
            org.Callback([org.ArabicId, org.VideoId], "2030-12-03T10:30:00.000Z"), _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.True(body.GetProperty("conversation").GetProperty("id").TryGetGuid(out _));
        var identifiers = body.GetProperty("callbackIdentifiers").EnumerateArray().ToList();
        Assert.Equal(["ACD", "EXTERNAL"], identifiers.Select(i => i.GetProperty("type").GetString()));
        Assert.All(identifiers, i => Assert.True(i.GetProperty("id").TryGetGuid(out _)));
    }

    [Fact]
    public async Task A_callback_reads_back_with_its_participants_attributes_and_numbers()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        var conversationId = await CreateAsync(client, org.Callback([org.VideoId], "2030-12-03T14:30:00+04:00"));

        var conversation = await client.GetFromJsonAsync<JsonElement>($"/api/v2/conversations/callbacks/{conversationId}", _ct);

        Assert.Equal(conversationId, conversation.GetProperty("id").GetGuid());
        var participants = conversation.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(["customer", "acd"], participants.Select(p => p.GetProperty("purpose").GetString()));
        var customer = participants[0];
        Assert.Equal("connected", customer.GetProperty("state").GetString());
        Assert.Equal("scheduled", participants[1].GetProperty("state").GetString());
        Assert.Equal(org.QueueId, customer.GetProperty("queue").GetProperty("id").GetGuid());
        Assert.Equal("Post-paid", customer.GetProperty("attributes").GetProperty("productLine").GetString());
        Assert.Equal("+971501234567", Assert.Single(customer.GetProperty("callbackNumbers").EnumerateArray()).GetString());
        Assert.Equal("Fatima Al-Ali", customer.GetProperty("callbackUserName").GetString());
        Assert.Equal("2030-12-03T10:30:00.000Z", customer.GetProperty("callbackScheduledTime").GetString());
    }

    [Fact]
    public async Task A_callback_for_now_is_offered_to_an_agent_with_all_its_skills()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        await org.AddAgentAsync(client, "Video-only", [org.VideoId], _ct);
        var both = await org.AddAgentAsync(client, "Both", [org.ArabicId, org.VideoId], _ct);

        var conversationId = await CreateAsync(client, org.Callback([org.ArabicId, org.VideoId]));

        var conversation = await client.GetFromJsonAsync<JsonElement>($"/api/v2/conversations/callbacks/{conversationId}", _ct);
        var participants = conversation.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal("alerting", participants.Single(p => p.GetProperty("purpose").GetString() == "acd").GetProperty("state").GetString());
        var agent = participants.Single(p => p.GetProperty("purpose").GetString() == "agent");
        Assert.Equal("alerting", agent.GetProperty("state").GetString());
        Assert.Equal(both, agent.GetProperty("user").GetProperty("id").GetGuid());

        var listed = await client.GetFromJsonAsync<JsonElement>($"/emulator/callbacks/{conversationId}", _ct);
        Assert.Equal("offered", listed.GetProperty("status").GetString());
        Assert.Equal(both, listed.GetProperty("agentId").GetGuid());
        Assert.Equal(org.QueueName, listed.GetProperty("queueName").GetString());
    }

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { """{"routingData":{"queueId":"QUEUE"}}""", "callbackNumbers" },
        { """{"routingData":{"queueId":"QUEUE"},"callbackNumbers":[]}""", "callbackNumbers" },
        { """{"callbackNumbers":["+971501234567"]}""", "queue" },
        { """{"routingData":{"queueId":"6f0e0d51-0000-4000-8000-000000000000"},"callbackNumbers":["+971501234567"]}""", "queueId" },
        { """{"routingData":{"queueId":"QUEUE","skillIds":["6f0e0d51-0000-4000-8000-000000000000"]},"callbackNumbers":["1"]}""", "skillIds" },
        { """{"routingData":{"queueId":"QUEUE","languageId":"English"},"callbackNumbers":["1"]}""", "languageId" },
        { """{"routingData":{"queueId":"QUEUE"},"callbackNumbers":["1"],"callbackScheduledTime":"tomorrow"}""", "JSON" },
        { """{"routingData":{"queueId":"QUEUE"},"callbackNumbers":["1"],"data":{"count":3}}""", "JSON" },
        { """{not json""", "JSON" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_requests_are_bad_requests_that_say_what_is_wrong(string json, string mentioned)
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        using var content = new StringContent(json.Replace("QUEUE", org.QueueId.ToString(), StringComparison.Ordinal),
            System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/v2/conversations/callbacks", content, _ct);

        var body = await GenesysAssert.ErrorAsync(response, HttpStatusCode.BadRequest, "bad.request");
        Assert.Contains(mentioned, body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescheduling_moves_the_time_and_answers_the_identifiers()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        var conversationId = await CreateAsync(client, org.Callback([org.VideoId], "2030-12-03T10:30:00.000Z"));

        using var response = await client.PatchAsJsonAsync("/api/v2/conversations/callbacks",
            new { conversationId, callbackScheduledTime = "2030-12-04T08:00:00.000Z" }, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal(conversationId, body.GetProperty("conversation").GetProperty("id").GetGuid());
        var conversation = await client.GetFromJsonAsync<JsonElement>($"/api/v2/conversations/callbacks/{conversationId}", _ct);
        Assert.Equal("2030-12-04T08:00:00.000Z",
            conversation.GetProperty("participants")[0].GetProperty("callbackScheduledTime").GetString());
    }

    [Fact]
    public async Task Rescheduling_an_unknown_conversation_is_not_found_and_a_missing_time_is_a_bad_request()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);

        using var unknown = await client.PatchAsJsonAsync("/api/v2/conversations/callbacks",
            new { conversationId = Guid.NewGuid(), callbackScheduledTime = "2030-12-04T08:00:00.000Z" }, _ct);
        using var noTime = await client.PatchAsJsonAsync("/api/v2/conversations/callbacks",
            new { conversationId = Guid.NewGuid() }, _ct);

        await GenesysAssert.ErrorAsync(unknown, HttpStatusCode.NotFound, "not.found");
        await GenesysAssert.ErrorAsync(noTime, HttpStatusCode.BadRequest, "bad.request");
    }

    [Fact]
    public async Task Bulk_disconnect_is_accepted_and_ends_every_participant()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);
        var org = await TestOrg.CreateAsync(client, _ct);
        using var created = await client.PostAsJsonAsync("/api/v2/conversations/callbacks", org.Callback([org.VideoId], "2030-12-03T10:30:00.000Z"), _ct);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(_ct);
        var conversationId = body.GetProperty("conversation").GetProperty("id").GetGuid();
        var callbackId = body.GetProperty("callbackIdentifiers")[0].GetProperty("id").GetGuid();

        using var response = await client.PostAsJsonAsync("/api/v2/conversations/callbacks/bulk/disconnect",
            new { callbackDisconnectIdentifiers = new[] { new { conversationId, callbackId } } }, _ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var conversation = await client.GetFromJsonAsync<JsonElement>($"/api/v2/conversations/callbacks/{conversationId}", _ct);
        Assert.All(conversation.GetProperty("participants").EnumerateArray(),
            p => Assert.Equal("disconnected", p.GetProperty("state").GetString()));

        using var again = await client.PostAsJsonAsync("/api/v2/conversations/callbacks/bulk/disconnect",
            new { callbackDisconnectIdentifiers = new[] { new { conversationId, callbackId } } }, _ct);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task Bulk_disconnect_of_an_unknown_conversation_changes_nothing()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);

        using var unknown = await client.PostAsJsonAsync("/api/v2/conversations/callbacks/bulk/disconnect",
            new { callbackDisconnectIdentifiers = new[] { new { conversationId = Guid.NewGuid(), callbackId = Guid.NewGuid() } } }, _ct);
        using var empty = await client.PostAsJsonAsync("/api/v2/conversations/callbacks/bulk/disconnect",
            new { callbackDisconnectIdentifiers = Array.Empty<object>() }, _ct);

        await GenesysAssert.ErrorAsync(unknown, HttpStatusCode.NotFound, "not.found");
        await GenesysAssert.ErrorAsync(empty, HttpStatusCode.BadRequest, "bad.request");
    }

    [Fact]
    public async Task An_unknown_conversation_is_not_found()
    {
        using var client = await emulator.CreateApiClientAsync(_ct);

        using var response = await client.GetAsync($"/api/v2/conversations/callbacks/{Guid.NewGuid()}", _ct);

        await GenesysAssert.ErrorAsync(response, HttpStatusCode.NotFound, "not.found");
    }

    private async Task<Guid> CreateAsync(HttpClient client, object callback)
    {
        using var response = await client.PostAsJsonAsync("/api/v2/conversations/callbacks", callback, _ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("conversation").GetProperty("id").GetGuid();
    }
}
