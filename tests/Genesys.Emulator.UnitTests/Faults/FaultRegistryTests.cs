using VideoEngager.Genesys.Emulator.Faults;

namespace VideoEngager.Genesys.Emulator.UnitTests.Faults;

public sealed class FaultRegistryTests
{
    private readonly FaultRegistry _faults = new();

    [Fact]
    public void A_status_fault_applies_as_many_times_as_asked_then_requests_pass()
    {
        _faults.Add(Rule("/api/v2/conversations/callbacks", FaultKind.Status, times: 2, status: 429, method: "POST"));

        Assert.Equal(429, _faults.Take("POST", "/api/v2/conversations/callbacks").Terminal?.Status);
        Assert.True(_faults.Take("GET", "/api/v2/conversations/callbacks").IsEmpty);
        Assert.True(_faults.Take("POST", "/api/v2/conversations/callbacks/bulk/disconnect").IsEmpty);
        Assert.Equal(429, _faults.Take("POST", "/api/v2/conversations/callbacks/").Terminal?.Status);
        Assert.True(_faults.Take("POST", "/api/v2/conversations/callbacks").IsEmpty);

        var used = Assert.Single(_faults.List());
        Assert.Equal(2, used.Applied);
        Assert.Equal(0, used.Remaining);
    }

    [Fact]
    public void A_trailing_star_matches_by_prefix()
    {
        _faults.Add(Rule("/api/v2/routing/*", FaultKind.Drop, times: 1));

        Assert.True(_faults.Take("GET", "/api/v2/users").IsEmpty);
        Assert.Equal(FaultKind.Drop, _faults.Take("GET", "/api/v2/routing/queues").Terminal?.Kind);
    }

    [Fact]
    public void Latency_adds_up_and_combines_with_one_terminal_fault_taken_in_order()
    {
        _faults.Add(Rule("/oauth/token", FaultKind.Latency, latency: TimeSpan.FromMilliseconds(200)));
        _faults.Add(Rule("/oauth/token", FaultKind.Status, times: 1, status: 503));
        _faults.Add(Rule("/oauth/token", FaultKind.Status, times: 1, status: 504));

        var first = _faults.Take("POST", "/oauth/token");
        var second = _faults.Take("POST", "/oauth/token");
        var third = _faults.Take("POST", "/oauth/token");

        Assert.Equal((TimeSpan.FromMilliseconds(200), 503), (first.Delay, first.Terminal?.Status));
        Assert.Equal((TimeSpan.FromMilliseconds(200), 504), (second.Delay, second.Terminal?.Status));
        Assert.Equal((TimeSpan.FromMilliseconds(200), null), (third.Delay, third.Terminal?.Status));
        Assert.Equal(3, _faults.Clear());
        Assert.True(_faults.Take("POST", "/oauth/token").IsEmpty);
    }

    private static FaultRule Rule(
        string path, FaultKind kind, int? times = null, int status = 0, string? method = null, TimeSpan latency = default) => new()
        {
            Id = Guid.NewGuid(),
            Path = path,
            Method = method,
            Kind = kind,
            Status = status,
            Latency = latency,
            Remaining = times,
        };
}
