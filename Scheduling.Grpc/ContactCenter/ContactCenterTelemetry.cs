using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>Spans and the <c>VideoEngager.ContactCenter</c> meter: what happened to each callback message, and how late.</summary>
internal sealed class ContactCenterTelemetry
{
    public const string Name = "VideoEngager.ContactCenter";
    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _outcomes;
    private readonly Histogram<double> _lag;

    public ContactCenterTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _outcomes = meter.CreateCounter<long>("videoengager.contact_center.messages", "{message}",
            "Contact-center outbox messages handled, by kind and outcome (done, retry, failed).");
        _lag = meter.CreateHistogram<double>("videoengager.contact_center.lag", "s",
            "From the booking's commit to its callback message being done.");
    }

    public void Outcome(string kind, string outcome, int? status = null)
    {
        var tags = new TagList { { "kind", kind }, { "outcome", outcome } };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }
        _outcomes.Add(1, tags);
    }

    public void Done(string kind, TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("kind", kind));
}
