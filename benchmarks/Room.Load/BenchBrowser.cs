using System.Diagnostics;
using Microsoft.Playwright;

namespace VideoEngager.Benchmarks;

/// <summary>Debian's Chromium as the browser tests run it, and the static-file baseline the page benchmarks share.</summary>
internal static class BenchBrowser
{
    private static readonly string[] QuietArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <param name="extraArgs">What a benchmark needs on top (fake media, loopback ICE).</param>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, params string[] extraArgs) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = [.. QuietArgs, .. extraArgs],
        });

    /// <summary>Baseline: navigation to one static file in a fresh context, in milliseconds.</summary>
    /// <param name="newContext">The context a visitor of the measured page would have (its viewport, permissions).</param>
    public static async Task<double> StaticNavAsync(Func<Task<IBrowserContext>> newContext, string url, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = await newContext();
        try
        {
            var page = await context.NewPageAsync();
            var started = Stopwatch.GetTimestamp();
            var response = await page.GotoAsync(url);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return response is { Ok: true } ? elapsed : throw new InvalidOperationException($"{url} answered {response?.Status}");
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
