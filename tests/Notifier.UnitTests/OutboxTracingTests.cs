using System.Diagnostics;
using VideoEngager.Notifications.V1;
using VideoEngager.Notifier.Outbox;
using static VideoEngager.Notifier.UnitTests.OutboxRows;

namespace VideoEngager.Notifier.UnitTests;

public sealed class OutboxTracingTests
{
    [Fact]
    public void A_batch_s_span_links_to_the_trace_of_each_booking_change_it_sends_for()
    {
        var sent = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == OutboxDispatcher.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = sent.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var booking = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var rows = new[]
        {
            Job(Notification(NotificationKind.CustomerConfirmation)) with { Id = 7, TraceParent = $"00-{booking.TraceId}-{booking.SpanId}-01" },
            Job(Notification(NotificationKind.AgentInvite)) with { Id = 8, TraceParent = null },
        };

        using (OutboxDispatcher.StartSend(rows))
        {
        }

        var span = Assert.Single(sent);
        Assert.Null(span.Parent);
        var link = Assert.Single(span.Links);
        Assert.Equal((booking.TraceId, booking.SpanId), (link.Context.TraceId, link.Context.SpanId));
        Assert.Contains(link.Tags!, t => t.Key == "videoengager.outbox.id" && Equals(t.Value, 7L));
    }
}
