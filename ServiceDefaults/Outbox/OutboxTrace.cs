using System.Diagnostics;

namespace VideoEngager.Outbox;

/// <summary>
/// Carries a trace across the outbox: the writer stores its span's W3C <c>traceparent</c> on the row, and the consumer
/// links the span that handles the row to it, so a person goes from a booking's trace to its callback and its mail.
/// A link rather than a parent: a reminder may go out weeks after the request, and a batch serves many bookings.
/// </summary>
public static class OutboxTrace
{
    /// <summary>The <c>traceparent</c> to store on rows written now; null outside a recorded span.</summary>
    public static string? Current() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Recorded: true } current ? current.Id : null;

    /// <summary>The link to the span that wrote a row, or nothing when it stored none (or something unreadable).</summary>
    public static IEnumerable<ActivityLink> LinkTo(string? traceParent, params KeyValuePair<string, object?>[] tags)
    {
        if (traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context))
        {
            yield return new ActivityLink(context, tags.Length == 0 ? null : new ActivityTagsCollection(tags));
        }
    }
}
