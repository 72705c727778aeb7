namespace VideoEngager.Benchmarks;

/// <param name="RssBefore">The replicas' resident memory (bytes) with only the first room connected.</param>
/// <param name="RssConnected">The same once every room's parties are connected and have met.</param>
/// <param name="ConnectionsAdded">Connections opened between the two readings.</param>
internal sealed record FanOutResult(int Rooms, ChatRunResult Relay, long RssBefore, long RssConnected, int ConnectionsAdded, int ProcessesMeasured)
{
    public int Connections => Rooms * 2;

    public double KbPerConnection => ConnectionsAdded == 0 ? double.NaN : (RssConnected - RssBefore) / 1024.0 / ConnectionsAdded;
}

/// <summary>
/// Signalling fan-out across replicas: in every room the customer is connected to replica A and the agent to replica
/// B, so each message crosses Redis pub/sub between them; every party sends a timestamped chat message a second.
/// </summary>
internal static class FanOutBenchmark
{
    // Modest, so setting up a thousand connections does not itself become the load (each is a presence write).
    private const int SetupConcurrency = 8;
    private static readonly TimeSpan MeetTimeout = TimeSpan.FromSeconds(30);

    public static async Task<FanOutResult> RunAsync(
        RoomApp app, BenchTenant tenant, int rooms, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        var replicas = await app.ReplicasAsync(2, cancellationToken);
        if (replicas.Count < 2)
        {
            throw new InvalidOperationException($"Two Escalation.Api replicas expected, found {replicas.Count}.");
        }
        Console.WriteLine($"Replicas: A {replicas[0].Address}, B {replicas[1].Address}");

        var escalations = new Escalation[rooms];
        await Parallel.ForAsync(0, rooms, Options(cancellationToken),
            async (i, token) => escalations[i] = await app.EscalateAsync(tenant, token));
        await app.ReadAgentTokensAsync(escalations, cancellationToken);
        Console.WriteLine($"{rooms} escalations booked.");

        var parties = new List<ChatParty>(rooms * 2);
        try
        {
            // The first room meets before memory is read, so the first-use costs (JIT, the Redis subscriber, pools)
            // are not charged to the connections; it takes part in the messaging like the others.
            await MeetAsync(replicas, escalations[0], parties, cancellationToken);
            var (rssBefore, processes) = Processes.ReplicaRss(replicas);
            await Parallel.ForAsync(1, rooms, Options(cancellationToken),
                async (i, token) => await MeetAsync(replicas, escalations[i], parties, token));
            Console.WriteLine($"{parties.Count} connections open, every room's parties met.");
            // A moment for the connections' buffers and the servers' pools to settle before memory is read.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var (rssConnected, _) = Processes.ReplicaRss(replicas);
            var relay = await ChatRun.RunAsync("Room relay, A -> Redis -> B", parties, warmUp, duration, cancellationToken);
            return new FanOutResult(rooms, relay, rssBefore, rssConnected, (rooms - 1) * 2, processes);
        }
        finally
        {
            await Task.WhenAll(parties.Select(p => p.DisposeAsync().AsTask()));
        }
    }

    /// <summary>
    /// The customer first and greeted (its relay subscription in place), then the agent on the other replica: the
    /// order of a customer waiting for the agent. Done once both were told the other is there.
    /// </summary>
    private static async Task MeetAsync(IReadOnlyList<EdgeReplica> replicas, Escalation room, List<ChatParty> parties, CancellationToken cancellationToken)
    {
        var customer = await ChatParty.ConnectAsync(SignalAddress(replicas[0], room.BookingId, room.CustomerToken), cancellationToken);
        Add(parties, customer);
        await customer.Welcomed.WaitAsync(MeetTimeout, cancellationToken);
        var agent = await ChatParty.ConnectAsync(SignalAddress(replicas[1], room.BookingId, room.AgentToken), cancellationToken);
        Add(parties, agent);
        await Task.WhenAll(customer.PeerJoined, agent.PeerJoined).WaitAsync(MeetTimeout, cancellationToken);
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = SetupConcurrency, CancellationToken = cancellationToken };

    private static void Add(List<ChatParty> parties, ChatParty party)
    {
        lock (parties)
        {
            parties.Add(party);
        }
    }

    private static Uri SignalAddress(EdgeReplica replica, string bookingId, string token) =>
        new UriBuilder(replica.Address)
        {
            Scheme = replica.Address.Scheme == "https" ? "wss" : "ws",
            Path = $"/rooms/{bookingId}/signal",
            Query = "token=" + Uri.EscapeDataString(token),
        }.Uri;
}
