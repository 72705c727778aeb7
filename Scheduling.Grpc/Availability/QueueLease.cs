namespace VideoEngager.Scheduling.Availability;

/// <summary>Which of a queue's two versions a write moves.</summary>
internal enum CalendarVersion
{
    Setup = 0,
    Seats = 1,
}

/// <summary>A read lease: the versions (setup, seats) read when it was taken, when (a timestamp) and in which subscription epoch.</summary>
internal sealed record CalendarLease(long[] Versions, long TakenAt, int Epoch)
{
    /// <summary>What every read under this lease is answered with.</summary>
    public Task<long[]?> Answer { get; } = Task.FromResult<long[]?>(Versions);
}

/// <summary>A queue's lease on this replica, and the highest version of each kind revoked so far.</summary>
internal sealed class QueueLease
{
    private readonly Lock _lock = new();
    private readonly long[] _revoked = [0, 0];
    private volatile CalendarLease? _lease;

    public CalendarLease? Lease => _lease;

    /// <summary>Keeps the lease unless a revoke newer than what it read has arrived meanwhile (it overtook the read).</summary>
    public void Offer(CalendarLease lease)
    {
        lock (_lock)
        {
            if (lease.Versions[0] >= _revoked[0] && lease.Versions[1] >= _revoked[1])
            {
                _lease = lease;
            }
        }
    }

    /// <summary>Ends the lease if it read the version from before <paramref name="version"/>.</summary>
    public void Revoke(CalendarVersion kind, long version)
    {
        lock (_lock)
        {
            _revoked[(int)kind] = Math.Max(_revoked[(int)kind], version);
            if (_lease is { } lease && lease.Versions[(int)kind] < version)
            {
                _lease = null;
            }
        }
    }
}
