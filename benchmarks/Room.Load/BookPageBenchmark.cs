using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace VideoEngager.Benchmarks;

/// <summary>The booking page's measurements (samples in milliseconds).</summary>
/// <param name="StaticNav">Baseline: one of the page's own static files in a fresh browser context.</param>
/// <param name="Interactive">Navigation start to the calendar's first open time being clickable, the details typed as fast as the driver can.</param>
/// <param name="GridRender">Building and laying out a 31-day × 96-slot calendar inside the page.</param>
internal sealed record BookPageResult(int Loads, int Failed, Distribution StaticNav, Distribution FormReady, Distribution Interactive, Distribution GridRender);

/// <summary>
/// <c>/book</c> in a cold browser context (no cache, no cookies), as a visitor opening the link: navigation → the
/// form → details submitted → the calendar of the next 14 days interactive. Then, inside the page, the calendar grid
/// for the largest request the API allows (31 days × 96 fifteen-minute slots) rendered with style and layout.
/// </summary>
internal static class BookPageBenchmark
{
    private const string StaticPath = "/lib/urls.js";
    private const int GridRenders = 21;

    // Runs in the page: the grid module the page itself uses, fed a synthetic 31 × 96 calendar; each sample builds a
    // fresh grid and forces style and layout before the clock stops.
    private const string GridRenderScript = """
        async (renders) => {
          const { createCalendarGrid } = await import('/lib/calendar-grid.js');
          const step = 15 * 60000, days = 31, perDay = 96, start = Date.UTC(2027, 0, 4);
          const slots = [];
          for (let d = 0; d < days; d++) {
            for (let s = 0; s < perDay; s++) {
              const at = start + (d * perDay + s) * step;
              const status = s < 32 || s >= 80 ? 'closed' : (d + s) % 5 === 0 ? 'full' : 'open';
              slots.push({ start: new Date(at).toISOString(), end: new Date(at + step).toISOString(), capacity: 2,
                remaining: status === 'open' ? 1 : 0, status, estimatedWaitMinutes: status === 'open' ? 15 : null });
            }
          }
          const samples = [];
          for (let i = 0; i < renders; i++) {
            const container = document.createElement('div');
            document.body.append(container);
            const begun = performance.now();
            const grid = createCalendarGrid(container, { lang: 'en', visitorZone: 'UTC', idPrefix: 'bench-' + i });
            if (!container.contains(grid.element)) container.append(grid.element);
            grid.setData({ timeZone: 'UTC', slots });
            const built = performance.now();
            container.getBoundingClientRect();
            samples.push([built - begun, performance.now() - begun]);
            container.remove();
          }
          // Baseline, same page and run: a plain table of as many cells, each with a label and a name, nothing else.
          const plain = [];
          for (let i = 0; i < renders; i++) {
            const container = document.createElement('div');
            document.body.append(container);
            const begun = performance.now();
            const table = document.createElement('table');
            for (let r = 0; r < perDay; r++) {
              const tr = document.createElement('tr');
              for (let d = 0; d < days; d++) {
                const td = document.createElement('td');
                td.setAttribute('aria-label', 'Monday 4 January, 10:15, open, estimated wait 15 minutes');
                td.textContent = 'Open';
                tr.append(td);
              }
              table.append(tr);
            }
            container.append(table);
            container.getBoundingClientRect();
            plain.push(performance.now() - begun);
            container.remove();
          }
          return { samples, plain };
        }
        """;

    public static async Task<BookPageResult> RunAsync(RoomApp app, BenchTenant tenant, int loads, CancellationToken cancellationToken)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchAsync(playwright);
        var origin = app.Edge.GetLeftPart(UriPartial.Authority);
        var bookUrl = $"{origin}/book?queueId={tenant.QueueId}&lang=en&key={Uri.EscapeDataString(tenant.WidgetKey)}";

        // One of each first, not counted: Chromium's first context and the edge's first page pay for start-up.
        await StaticNavAsync(browser, origin, cancellationToken);
        await LoadOnceAsync(browser, bookUrl, cancellationToken);

        var staticNav = new List<double>();
        var formReady = new List<double>();
        var interactive = new List<double>();
        var failed = 0;
        IReadOnlyList<double> gridRender = [];
        for (var i = 0; i < loads; i++)
        {
            staticNav.Add(await StaticNavAsync(browser, origin, cancellationToken));
            try
            {
                var (form, ready, renders) = await LoadOnceAsync(browser, bookUrl, cancellationToken, measureGrid: i == loads - 1);
                formReady.Add(form);
                interactive.Add(ready);
                gridRender = renders ?? gridRender;
                Console.WriteLine($"  load {i + 1,3}/{loads}: form {form,6:F0} ms, calendar interactive {ready,6:F0} ms");
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException)
            {
                failed++;
                Console.WriteLine($"  load {i + 1,3}/{loads}: FAILED {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
        }
        // The first render compiles the module's code paths; the rest are what a visitor's page meets.
        return new BookPageResult(loads, failed, Distribution.Of(staticNav), Distribution.Of(formReady), Distribution.Of(interactive),
            Distribution.Of(gridRender.Skip(1)));
    }

    private static Task<double> StaticNavAsync(IBrowser browser, string origin, CancellationToken cancellationToken) =>
        BenchBrowser.StaticNavAsync(
            () => browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } }), origin + StaticPath, cancellationToken);

    private static async Task<(double FormMs, double InteractiveMs, IReadOnlyList<double>? GridRenders)> LoadOnceAsync(
        IBrowser browser, string bookUrl, CancellationToken cancellationToken, bool measureGrid = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "en-GB" });
        try
        {
            var page = await context.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            var started = Stopwatch.GetTimestamp();
            await page.GotoAsync(bookUrl, new() { WaitUntil = WaitUntilState.Commit });
            var name = page.GetByLabel("Name", new() { Exact = true });
            await name.WaitForAsync();
            var formMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await name.FillAsync("Bench Visitor");
            await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync("bench.visitor@visitor.example");
            await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("501234567");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show available times" }).ClickAsync();
            var open = page.GetByRole(AriaRole.Grid, new() { Name = "Available times" })
                .GetByRole(AriaRole.Gridcell, new() { NameRegex = new System.Text.RegularExpressions.Regex(", open") }).First;
            await open.WaitForAsync();
            var interactiveMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

            IReadOnlyList<double>? renders = null;
            if (measureGrid)
            {
                // Where the last load's time went: each request from navigation start, and how long it took.
                var timings = await page.EvaluateAsync<JsonElement>(
                    "() => performance.getEntriesByType('resource').map(e => [e.name.replace(location.origin, ''), e.startTime, e.duration])");
                foreach (var entry in timings.EnumerateArray())
                {
                    var path = entry[0].GetString() ?? "";
                    Console.WriteLine($"    {path[..Math.Min(path.Length, 60)],-60} at {entry[1].GetDouble(),6:F0} ms, took {entry[2].GetDouble(),5:F0} ms");
                }
                var result = await page.EvaluateAsync<JsonElement>(GridRenderScript, GridRenders);
                var samples = result.GetProperty("samples");
                renders = [.. samples.EnumerateArray().Select(s => s[1].GetDouble())];
                var scripting = Distribution.Of(samples.EnumerateArray().Skip(1).Select(s => s[0].GetDouble()));
                var plain = Distribution.Of(result.GetProperty("plain").EnumerateArray().Skip(1).Select(s => s.GetDouble()));
                Console.WriteLine($"    grid: building the DOM (script) median {scripting.P50:F1} ms of each render; " +
                    $"baseline, a plain labelled table of as many cells: median {plain.P50:F1} ms (grid / baseline = {Distribution.Of(renders.Skip(1)).P50 / plain.P50:F1}x)");
            }
            return (formMs, interactiveMs, renders);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
