namespace VideoEngager.Genesys.Emulator.Faults;

internal enum FaultKind
{
    /// <summary>Delay the request, then serve it (or apply the next fault).</summary>
    Latency,
    /// <summary>Answer with an error status (429 with optional Retry-After, 5xx) and the platform's error body.</summary>
    Status,
    /// <summary>Abort the connection without an answer.</summary>
    Drop,
    /// <summary>Serve the request (a create is made), then hold the answer <c>latencyMs</c>: past a client's timeout.</summary>
    LateAnswer,
    /// <summary>Serve the request (a create is made), then abort the connection: the answer is lost.</summary>
    LostAnswer,
}

/// <summary>A fault injected on requests whose path matches (exactly, or by prefix when it ends in <c>*</c>).</summary>
internal sealed class FaultRule
{
    public required Guid Id { get; init; }
    public required string Path { get; init; }
    public string? Method { get; init; }
    public required FaultKind Kind { get; init; }
    public int Status { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public TimeSpan Latency { get; init; }
    /// <summary>How many more requests it applies to; null means every request until the faults are cleared.</summary>
    public int? Remaining { get; set; }
    public int Applied { get; set; }

    public bool Matches(string method, string path) =>
        (Method is null || string.Equals(Method, method, StringComparison.OrdinalIgnoreCase))
        && (Path.EndsWith('*')
            ? path.StartsWith(Path[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(Path.TrimEnd('/'), path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
