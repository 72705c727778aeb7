using System.Diagnostics;
using OpenTelemetry.Trace;

namespace VideoEngager.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps the traces a person looks for. A trace starts with a request, or with a worker's span around work it claimed
/// (a callback, a batch of mails); a database query, Redis command or HTTP call with nothing around it is a worker's
/// idle poll or a keep-alive, so it starts no trace. Child spans follow their parent's decision.
/// </summary>
public sealed class BackgroundChatterSampler : Sampler
{
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public BackgroundChatterSampler() => Description = nameof(BackgroundChatterSampler);

    /// <summary>The sampler to install: this one for roots, the parent's decision for every other span.</summary>
    public static Sampler ParentBased() => new ParentBasedSampler(new BackgroundChatterSampler());

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Keep;
}
