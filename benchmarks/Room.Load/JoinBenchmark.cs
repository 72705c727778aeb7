using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace VideoEngager.Benchmarks;

/// <param name="StaticNav">Baseline: navigation to one of the room's static files, load event included.</param>
/// <param name="RoomNav">The room page's own navigation, load event included (part of each join).</param>
/// <param name="Connected">From navigation start to ICE connected/completed.</param>
/// <param name="FirstFrame">From navigation start to the first video frame decoded.</param>
internal sealed record JoinResult(int Joins, int Failed, Distribution StaticNav, Distribution RoomNav, Distribution Connected, Distribution FirstFrame);

/// <summary>
/// A customer joining a call the agent is already in, in a real Chromium with fake camera and microphone: from the
/// start of the room page's navigation, through clicking "Join call", to ICE connected and the first decoded frame.
/// Each join is a fresh escalation, and each party a fresh browser context (no cache, no earlier connection).
/// </summary>
internal static class JoinBenchmark
{
    // A static file the room itself loads: the same server, middleware and connection setup, without the room.
    private const string StaticPath = "/rooms/room.css";
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    // The page exposes its RTCPeerConnection read-only as window.videoRoom.pc (see RoomPage in the browser tests).
    // getStats is only asked once ICE is up, so the polls before it stay cheap.
    private const string ProbeScript = """
        async () => {
          const pc = window.videoRoom && window.videoRoom.pc;
          if (!pc) return { ice: null, frames: 0 };
          const ice = pc.iceConnectionState;
          let frames = 0;
          if (ice === 'connected' || ice === 'completed') {
            (await pc.getStats()).forEach(r => {
              if (r.type === 'inbound-rtp' && r.kind === 'video') frames += r.framesDecoded || 0;
            });
          }
          return { ice, frames };
        }
        """;

    public static async Task<JoinResult> RunAsync(RoomApp app, BenchTenant tenant, int joins, CancellationToken cancellationToken)
    {
        using var playwright = await Playwright.CreateAsync();
        // Fake media, and loopback ICE candidates allowed (without them two pages on one machine never connect).
        await using var browser = await BenchBrowser.LaunchAsync(playwright,
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--allow-loopback-in-peer-connection");

        // One join and one static load first, not counted: they pay for Chromium's first context and the edge's first
        // room page (JIT, template read), which no visitor after the first meets.
        await StaticNavAsync(browser, app, cancellationToken);
        await JoinOnceAsync(browser, app, tenant, cancellationToken);

        var staticNav = new List<double>();
        var roomNav = new List<double>();
        var connected = new List<double>();
        var firstFrame = new List<double>();
        var failed = 0;
        for (var i = 0; i < joins; i++)
        {
            // Interleaved with the joins, so both see the same machine (the cores are shared with other work).
            staticNav.Add(await StaticNavAsync(browser, app, cancellationToken));
            try
            {
                var join = await JoinOnceAsync(browser, app, tenant, cancellationToken);
                roomNav.Add(join.NavMs);
                connected.Add(join.ConnectedMs);
                firstFrame.Add(join.FirstFrameMs);
                Console.WriteLine($"  join {i + 1,3}/{joins}: page {join.NavMs,6:F0} ms, connected {join.ConnectedMs,6:F0} ms, first frame {join.FirstFrameMs,6:F0} ms");
            }
            catch (Exception e) when (e is TimeoutException or PlaywrightException)
            {
                failed++;
                Console.WriteLine($"  join {i + 1,3}/{joins}: FAILED {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
        }
        return new JoinResult(joins, failed, Distribution.Of(staticNav), Distribution.Of(roomNav), Distribution.Of(connected), Distribution.Of(firstFrame));
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string origin)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 }, Locale = "en-GB" });
        await context.GrantPermissionsAsync(["camera", "microphone"], new() { Origin = origin });
        return context;
    }

    private static Task<double> StaticNavAsync(IBrowser browser, RoomApp app, CancellationToken cancellationToken)
    {
        var origin = app.Edge.GetLeftPart(UriPartial.Authority);
        return BenchBrowser.StaticNavAsync(() => NewContextAsync(browser, origin), origin + StaticPath, cancellationToken);
    }

    private static async Task<(double NavMs, double ConnectedMs, double FirstFrameMs)> JoinOnceAsync(
        IBrowser browser, RoomApp app, BenchTenant tenant, CancellationToken cancellationToken)
    {
        var escalation = await app.EscalateAsync(tenant, cancellationToken);
        await app.ReadAgentTokensAsync([escalation], cancellationToken);
        var origin = escalation.CustomerUrl.GetLeftPart(UriPartial.Authority);
        var agentContext = await NewContextAsync(browser, origin);
        IBrowserContext? customerContext = null;
        try
        {
            // The agent is in the call before the customer arrives: page open, joined, signalling connected.
            var agent = await agentContext.NewPageAsync();
            await agent.GotoAsync(origin + RoomApp.RoomPath(escalation.BookingId, escalation.AgentToken));
            await JoinButton(agent).ClickAsync();
            await agent.WaitForFunctionAsync("() => window.videoRoom.state.socket === 'open'", null,
                new() { PollingInterval = 20, Timeout = (float)JoinTimeout.TotalMilliseconds });

            // The context and its empty tab exist before the clock starts: a visitor's browser is already open.
            customerContext = await NewContextAsync(browser, origin);
            var customer = await customerContext.NewPageAsync();
            var started = Stopwatch.GetTimestamp();
            await customer.GotoAsync(escalation.CustomerUrl.ToString());
            var navMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            // Clicking is part of a join (and waits, as a person would, until the button is enabled).
            await JoinButton(customer).ClickAsync();
            double? connectedMs = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var probe = await customer.EvaluateAsync<JsonElement>(ProbeScript);
                // Read after the probe answered: the state changed at most one poll (~20 ms plus the probe) earlier.
                var elapsed = Stopwatch.GetElapsedTime(started);
                var ice = probe.GetProperty("ice").ValueKind == JsonValueKind.String ? probe.GetProperty("ice").GetString() : null;
                if (connectedMs is null && ice is "connected" or "completed")
                {
                    connectedMs = elapsed.TotalMilliseconds;
                }
                if (connectedMs is { } connected && probe.GetProperty("frames").GetDouble() > 0)
                {
                    return (navMs, connected, elapsed.TotalMilliseconds);
                }
                if (elapsed > JoinTimeout)
                {
                    throw new TimeoutException($"ICE {ice ?? "no peer connection"}, no frame within {JoinTimeout.TotalSeconds:F0} s");
                }
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
        finally
        {
            if (customerContext is not null)
            {
                await customerContext.CloseAsync();
            }
            await agentContext.CloseAsync();
        }
    }

    private static ILocator JoinButton(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Join call", Exact = true });
}
