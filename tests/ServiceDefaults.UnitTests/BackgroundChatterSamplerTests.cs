using System.Diagnostics;
using OpenTelemetry.Trace;
using VideoEngager.ServiceDefaults.Telemetry;

namespace VideoEngager.ServiceDefaults.UnitTests;

public sealed class BackgroundChatterSamplerTests
{
    private static readonly Sampler Sampler = BackgroundChatterSampler.ParentBased();

    private static SamplingDecision Decide(ActivityKind kind, ActivityContext parent = default) =>
        Sampler.ShouldSample(new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "span", kind)).Decision;

    [Theory]
    [InlineData(ActivityKind.Server)]
    [InlineData(ActivityKind.Internal)]
    [InlineData(ActivityKind.Consumer)]
    public void A_request_or_a_worker_s_span_around_claimed_work_starts_a_trace(ActivityKind kind) =>
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(kind));

    [Fact]
    public void A_query_or_call_with_nothing_around_it_is_an_idle_poll_and_starts_none() =>
        Assert.Equal(SamplingDecision.Drop, Decide(ActivityKind.Client));

    [Fact]
    public void Inside_a_kept_trace_every_call_is_kept()
    {
        var parent = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);

        Assert.Equal(SamplingDecision.RecordAndSample, Decide(ActivityKind.Client, parent));
    }
}
