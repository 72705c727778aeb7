namespace VideoEngager.Genesys.Emulator.Faults;

/// <summary>
/// The API requests received, with arrival times, so a test can check a client's pacing
/// (e.g. that no retry came sooner than Retry-After allowed). Keeps the most recent entries only.
/// </summary>
internal sealed class RequestJournal
{
    private const int Capacity = 10_000;
    private readonly Lock _lock = new();
    private readonly LinkedList<RecordedRequest> _entries = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(RecordedRequest entry)
    {
        lock (_lock)
        {
            _entries.AddLast(entry);
            if (_entries.Count > Capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }

    public IReadOnlyList<RecordedRequest> List(string? pathPrefix, string? method)
    {
        lock (_lock)
        {
            return [.. _entries
                .Where(e => pathPrefix is null || e.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
                .Where(e => method is null || string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase))
                .OrderBy(e => e.Sequence)];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }
}

/// <param name="Timestamp">Arrival, to the millisecond, for people.</param>
/// <param name="ArrivalMs">Arrival in milliseconds on a monotonic clock (arbitrary origin), to the microsecond: subtract two to check pacing.</param>
/// <param name="Status">The status sent, or 0 when the connection was dropped.</param>
internal sealed record RecordedRequest(
    long Sequence,
    DateTimeOffset Timestamp,
    double ArrivalMs,
    string Method,
    string Path,
    string? Query,
    int Status,
    string? Fault,
    string CorrelationId,
    double DurationMs);
