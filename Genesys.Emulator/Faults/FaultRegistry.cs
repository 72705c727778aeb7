namespace VideoEngager.Genesys.Emulator.Faults;

/// <summary>The faults tests have asked for, consumed in the order they were added. Used-up ones stay listed.</summary>
internal sealed class FaultRegistry
{
    private readonly Lock _lock = new();
    private readonly List<FaultRule> _rules = [];

    public void Add(FaultRule rule)
    {
        lock (_lock)
        {
            _rules.Add(rule);
        }
    }

    public IReadOnlyList<FaultView> List()
    {
        lock (_lock)
        {
            return [.. _rules.Select(FaultView.Of)];
        }
    }

    public int Clear()
    {
        lock (_lock)
        {
            var count = _rules.Count;
            _rules.Clear();
            return count;
        }
    }

    /// <summary>
    /// Takes what applies to one request: every matching latency, then at most one status or drop,
    /// each using up one of its remaining times.
    /// </summary>
    public FaultPlan Take(string method, string path)
    {
        lock (_lock)
        {
            var delay = TimeSpan.Zero;
            FaultView? terminal = null;
            foreach (var rule in _rules)
            {
                if (rule.Remaining is 0 || !rule.Matches(method, path) || (terminal is not null && rule.Kind != FaultKind.Latency))
                {
                    continue;
                }
                rule.Remaining--;
                rule.Applied++;
                if (rule.Kind == FaultKind.Latency)
                {
                    delay += rule.Latency;
                }
                else
                {
                    terminal = FaultView.Of(rule);
                }
            }
            return new FaultPlan(delay, terminal);
        }
    }
}

internal sealed record FaultPlan(TimeSpan Delay, FaultView? Terminal)
{
    public bool IsEmpty => Delay == TimeSpan.Zero && Terminal is null;
}

internal sealed record FaultView(
    Guid Id, string Path, string? Method, FaultKind Kind, int? Status, int? RetryAfterSeconds, int? LatencyMs, int? Remaining, int Applied)
{
    public static FaultView Of(FaultRule rule) => new(
        rule.Id, rule.Path, rule.Method, rule.Kind,
        rule.Kind == FaultKind.Status ? rule.Status : null,
        rule.RetryAfterSeconds,
        rule.Kind is FaultKind.Latency or FaultKind.LateAnswer ? (int)rule.Latency.TotalMilliseconds : null,
        rule.Remaining, rule.Applied);

    public string Describe() => Kind switch
    {
        FaultKind.Latency => $"latency {LatencyMs} ms",
        FaultKind.Status => RetryAfterSeconds is { } retry ? $"status {Status} retry-after {retry}" : $"status {Status}",
        FaultKind.LateAnswer => $"late answer {LatencyMs} ms",
        FaultKind.LostAnswer => "lost answer",
        _ => "drop",
    };
}
