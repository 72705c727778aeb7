namespace VideoEngager.Integration.Tests;

/// <summary>The room's two parties connected to different Escalation.Api replicas still meet.</summary>
[Collection(ReplicatedCollection.Name)]
public sealed class ReplicatedRoomTests(ReplicatedAppHostFixture app)
{
    private const string Urls = "ASPNETCORE_URLS";

    [Fact]
    public async Task Parties_on_different_edge_replicas_exchange_signalling()
    {
        var token = TestContext.Current.CancellationToken;
        var replicas = await ProcessEnvironments.WatchAsync(app,
            process => process.Resource == ResourceNames.EscalationApi && process.Environment.GetValueOrDefault(Urls) is not null,
            seen => seen.Count == 2, token);
        var edges = replicas.Values.Select(r => new Uri(r.Environment[Urls]!.Split(';')[0])).ToArray();
        Assert.Equal(2, edges.Distinct().Count());

        var tenant = await TestTenant.CreateAsync(app, capacity: 2, token);
        var call = await new BookingRequests(app, tenant).EscalateAsync(token);
        var agentToken = await RoomTests.AgentTokenAsync(app, call.BookingId);

        await using var customer = await RoomSignal.ConnectAsync(edges[0], call.BookingId, RoomTests.CustomerToken(call), token);
        await customer.ReceiveAsync("welcome", token);
        await using var agent = await RoomSignal.ConnectAsync(edges[1], call.BookingId, agentToken, token);
        await agent.ReceiveAsync("welcome", token);
        await customer.ReceiveAsync("peer-joined", token);
        await agent.ReceiveAsync("peer-joined", token);

        await customer.SendAsync(new { type = "signal", description = new { type = "offer", sdp = "v=0" } }, token);
        Assert.Equal("offer", (string?)(await agent.ReceiveAsync("signal", token))["description"]!["type"]);
        await agent.SendAsync(new { type = "chat", text = "Hello from the other replica" }, token);
        Assert.Equal("Hello from the other replica", (string?)(await customer.ReceiveAsync("chat", token))["text"]);
    }
}
