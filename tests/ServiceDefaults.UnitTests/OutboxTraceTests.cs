using System.Diagnostics;
using VideoEngager.Outbox;

namespace VideoEngager.ServiceDefaults.UnitTests;

public sealed class OutboxTraceTests
{
    [Fact]
    public void A_row_written_inside_a_recorded_span_links_back_to_it()
    {
        using var source = new ActivitySource("VideoEngager.Tests.OutboxTrace");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var writer = source.StartActivity("CreateBooking")!;

        var stored = OutboxTrace.Current();
        var link = Assert.Single(OutboxTrace.LinkTo(stored, new KeyValuePair<string, object?>("kind", "reminder")));

        Assert.Equal((writer.TraceId, writer.SpanId), (link.Context.TraceId, link.Context.SpanId));
        Assert.Equal("reminder", link.Tags!.Single().Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-traceparent")]
    public void A_row_without_a_readable_trace_links_to_nothing(string? stored) =>
        Assert.Empty(OutboxTrace.LinkTo(stored));

    [Fact]
    public void Outside_a_span_nothing_is_stored()
    {
        Activity.Current = null;

        Assert.Null(OutboxTrace.Current());
    }
}
