namespace VideoEngager.Benchmarks;

/// <summary>Percentiles of one set of samples in milliseconds (nearest rank: every figure is a sample that happened).</summary>
internal sealed record Distribution(int Count, double P50, double P95, double P99, double Max)
{
    public static Distribution Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new Distribution(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    private static double Rank(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
