using System.Diagnostics.Metrics;

namespace VideoEngager.Notifier.Outbox;

/// <summary>Counters of meter <c>VideoEngager.Notifier</c>, tagged with the job's kind.</summary>
public sealed class OutboxMetrics
{
    public const string MeterName = "VideoEngager.Notifier";

    private readonly Counter<long> _sent;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _parked;
    private readonly Counter<long> _skipped;

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _sent = meter.CreateCounter<long>("notifier.jobs.sent", "{job}", "Jobs whose message the server accepted.");
        _retried = meter.CreateCounter<long>("notifier.jobs.retried", "{job}", "Failed attempts put back for a retry.");
        _parked = meter.CreateCounter<long>("notifier.jobs.parked", "{job}", "Jobs given up on and marked failed.");
        _skipped = meter.CreateCounter<long>("notifier.jobs.skipped", "{job}", "Jobs superseded or no longer wanted.");
    }

    public void Sent(string kind) => _sent.Add(1, Tag(kind));

    public void Retried(string kind) => _retried.Add(1, Tag(kind));

    public void Parked(string kind) => _parked.Add(1, Tag(kind));

    public void Skipped(string kind) => _skipped.Add(1, Tag(kind));

    private static KeyValuePair<string, object?> Tag(string kind) => new("kind", kind);
}
