using System.Diagnostics;

namespace VideoEngager.Benchmarks;

/// <summary>Requests per second and latency percentiles of one load run.</summary>
internal sealed record LoadResult(string Name, long Requests, long Failures, double Seconds, double P50Ms, double P99Ms)
{
    public double RequestsPerSecond => Requests / Seconds;

    public override string ToString() =>
        $"{Name,-28} {RequestsPerSecond,10:F0} req/s  p50 {P50Ms,7:F2} ms  p99 {P99Ms,7:F2} ms  ({Requests} ok, {Failures} refused)";
}

/// <summary>N concurrent callers for a fixed duration; bounded in time, loopback only.</summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string name, int callers, TimeSpan duration, Func<int, Task<bool>> call)
    {
        var latencies = new List<double>[callers];
        var failures = new long[callers];
        var clock = Stopwatch.StartNew();
        var until = duration;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            var mine = latencies[caller] = new List<double>(4096);
            var iteration = 0;
            while (clock.Elapsed < until)
            {
                var started = Stopwatch.GetTimestamp();
                var ok = await call(caller * 1_000_000 + iteration++);
                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    failures[caller]++;
                }
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, all.Length, failures.Sum(), seconds, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
