// Load benchmarks of the video room against the real AppHost with two Escalation.Api replicas, each reported with a
// baseline measured in the same run:
//   1. join   — a customer joining a call the agent is already in, in Chromium with fake media: navigation start to
//               ICE connected and to the first decoded frame, against loading one of the room's static files.
//   3. startvideo — Start Video from live chats at a given concurrency: p99 of POST /create by messageId, against
//               GET /health on the edge at the same concurrency.
//   4. book   — the booking page in a cold browser context: navigation to the calendar interactive (details typed by
//               the driver), against one of its static files; and the 31 × 96 calendar grid rendered in the page.
//   2. fanout — signalling between parties on different replicas (through Redis), every party sending a chat message
//               a second: relay latency and memory per connection, against an in-process Kestrel WebSocket echo.
// Usage: dotnet run -c Release --project benchmarks/Room.Load [-- join [joins] | fanout [rooms] [seconds] | all [joins] [rooms] [seconds]
//        | startvideo [escalations] [concurrency] | book [loads]]
using System.Globalization;
using VideoEngager.Benchmarks;

var mode = args.Length > 0 ? args[0] : "all";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var (joins, rooms, seconds) = mode switch
{
    "startvideo" or "book" => (0, 0, 0),
    "join" => (Arg(1, 20), 0, 0),
    "fanout" => (0, Arg(1, 500), Arg(2, 60)),
    "all" => (Arg(1, 20), Arg(2, 500), Arg(3, 60)),
    _ => (-1, -1, -1),
};
if (joins < 0)
{
    Console.Error.WriteLine("Usage: Room.Load [join [joins=20] | fanout [rooms=500] [seconds=60] | all [joins] [rooms] [seconds] | startvideo [escalations=1000] [concurrency=100] | book [loads=20]]");
    return 2;
}
// Long enough for both replicas' relay path and the client's to be jitted and their pools grown; not counted.
var warmUp = TimeSpan.FromSeconds(5);

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop measuring, but let the finally blocks close the browser, the sockets and the AppHost.
    e.Cancel = true;
    cancel.Cancel();
};

var (escalations, concurrency) = mode == "startvideo" ? (Arg(1, 1000), Arg(2, 100)) : (0, 0);
var bookLoads = mode == "book" ? Arg(1, 20) : 0;
BookPageResult? bookPage = null;
StartVideoResult? startVideo = null;
JoinResult? join = null;
FanOutResult? fanOut = null;
ChatRunResult? echo = null;
var cancelled = false;
var started = new HashSet<int>();
try
{
    await using var room = await RoomApp.StartAsync(replicas: 2, cancel.Token);
    try
    {
        var tenant = await room.CreateTenantAsync(cancel.Token);
        if (escalations > 0)
        {
            Console.WriteLine($"Start Video: {escalations} escalations from live chats, {concurrency} at a time.");
            startVideo = await StartVideoBenchmark.RunAsync(room, tenant, escalations, concurrency, cancel.Token);
        }
        if (bookLoads > 0)
        {
            Console.WriteLine($"Booking page: {bookLoads} cold loads (one more first, not counted).");
            bookPage = await BookPageBenchmark.RunAsync(room, tenant, bookLoads, cancel.Token);
        }
        if (joins > 0)
        {
            Console.WriteLine($"Join: {joins} joins (one more first, not counted).");
            join = await JoinBenchmark.RunAsync(room, tenant, joins, cancel.Token);
        }
        if (rooms > 0)
        {
            Console.WriteLine($"Fan-out: {rooms} rooms, {warmUp.TotalSeconds:F0} s warm-up + {seconds} s.");
            fanOut = await FanOutBenchmark.RunAsync(room, tenant, rooms, warmUp, TimeSpan.FromSeconds(seconds), cancel.Token);
            Console.WriteLine($"Echo baseline: {rooms * 2} connections.");
            echo = await EchoBaseline.RunAsync(rooms * 2, warmUp, TimeSpan.FromSeconds(seconds), cancel.Token);
        }
    }
    finally
    {
        // Whatever the AppHost started: DCP, the services, PostgreSQL, Redis, coturn, smtp4dev.
        started = Processes.StartedBy(Environment.ProcessId);
    }
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    cancelled = true; // Ctrl+C: what finished is still reported, and the stop still checked
}

// The stop must leave nothing behind: give the orchestrator a moment, then name what is still running (also anything
// of this run's still found now, should it have been cancelled before the list above was taken).
started.UnionWith(Processes.StartedBy(Environment.ProcessId));
var left = Processes.StillRunning(started);
for (var wait = 0; wait < 30 && left.Count > 0; wait++)
{
    await Task.Delay(500);
    left = Processes.StillRunning(started);
}

Console.WriteLine();
Console.WriteLine($"Room.Load — {Environment.ProcessorCount} cores, 2 Escalation.Api replicas");
if (startVideo is not null)
{
    Console.WriteLine();
    Console.WriteLine($"Start Video: {startVideo.Escalations} escalations by messageId, {startVideo.Concurrency} concurrent; {startVideo.Created} created, {startVideo.Failed} failed");
    Console.WriteLine($"  {"run",-30} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
    foreach (var (name, d) in new[] { ("GET /health (baseline)", startVideo.Health), ("POST /create by messageId", startVideo.StartVideo) })
    {
        Console.WriteLine($"  {name,-30} {d.P50,8:F1} {d.P99,8:F1} {d.Max,8:F1}");
    }
    Console.WriteLine($"  ratio p99 = {startVideo.StartVideo.P99 / startVideo.Health.P99:F1}x; goal p99 <= 50 ms: {Verdict(startVideo.StartVideo.P99 <= 50)}");
}
if (bookPage is not null)
{
    Console.WriteLine();
    Console.WriteLine($"Booking page: {bookPage.Loads} loads ({bookPage.Failed} failed), each in a fresh browser context (no cache), 1280 x 800");
    Console.WriteLine($"  {"run",-46} {"median",9} {"p95",9}   ratio to baseline (median, p95)");
    Row("GET /lib/urls.js, fresh context (baseline)", bookPage.StaticNav, null);
    Row("navigation -> form ready", bookPage.FormReady, bookPage.StaticNav);
    Row("navigation -> calendar interactive", bookPage.Interactive, bookPage.StaticNav);
    Console.WriteLine($"  goal: p95 <= 800 ms — {Verdict(bookPage.Interactive.P95 <= 800)}");
    Console.WriteLine($"  calendar grid 31 days x 96 slots, built and laid out in the page ({bookPage.GridRender.Count} renders): " +
        $"median {bookPage.GridRender.P50:F1} ms, max {bookPage.GridRender.Max:F1} ms; goal <= 50 ms: {Verdict(bookPage.GridRender.Max <= 50)}");
}
if (join is not null)
{
    Console.WriteLine();
    Console.WriteLine($"Join: {join.Joins} joins ({join.Failed} failed); each a fresh escalation, the agent already in the call, the customer in a fresh browser context");
    Console.WriteLine($"  {"run",-46} {"median",9} {"p95",9}   ratio to baseline (median, p95)");
    Row("GET /rooms/room.css, fresh context (baseline)", join.StaticNav, null);
    Row("room page loaded (navigation)", join.RoomNav, join.StaticNav);
    Row("navigation -> ICE connected", join.Connected, join.StaticNav);
    Row("navigation -> first decoded frame", join.FirstFrame, join.StaticNav);
    Console.WriteLine($"  goal: p95 <= 1500 ms — ICE connected {Verdict(join.Connected.P95 <= 1500)}, first frame {Verdict(join.FirstFrame.P95 <= 1500)}");
}
if (fanOut is not null && echo is not null)
{
    var relay = fanOut.Relay;
    Console.WriteLine();
    Console.WriteLine($"Fan-out: {fanOut.Rooms} rooms = {fanOut.Connections} connections (customer on replica A, agent on B), 1 message/s per party, {relay.Seconds:F0} s after {warmUp.TotalSeconds:F0} s warm-up");
    Console.WriteLine($"  {"run",-30} {"sent",8} {"received",9} {"lost",6} {"refused",8} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
    foreach (var run in new[] { echo, relay })
    {
        Console.WriteLine($"  {run.Name,-30} {run.Sent,8} {run.Received,9} {run.Lost,6} {run.Refused,8} {run.Latency.P50,8:F2} {run.Latency.P99,8:F2} {run.Latency.Max,8:F2}");
    }
    Console.WriteLine($"  ratio relay p99 / echo p99 = {relay.Latency.P99 / echo.Latency.P99:F2}; goal relay p99 <= 25 ms: {Verdict(relay.Latency.P99 <= 25)}");
    Console.WriteLine($"  memory: replicas' RSS {fanOut.RssBefore / 1048576.0:F1} MB with the first room, {fanOut.RssConnected / 1048576.0:F1} MB with all " +
        $"= {fanOut.KbPerConnection:F1} KB per connection ({fanOut.ConnectionsAdded} connections added; {fanOut.ProcessesMeasured} of 2 processes found)");
}
Console.WriteLine();
Console.WriteLine($"Processes left after the AppHost stopped: {left.Count}");
left.ForEach(pid => Console.WriteLine("  " + Processes.Describe(pid)));

if (cancelled)
{
    Console.WriteLine("Cancelled.");
    return 130;
}
var failed = (startVideo?.Failed ?? 0) > 0 || (bookPage?.Failed ?? 0) > 0 || (join?.Failed ?? 0) > 0 || (fanOut is not null && (fanOut.Relay.Lost != 0 || fanOut.Relay.Refused != 0)) || left.Count > 0;
return failed ? 1 : 0;

static void Row(string name, Distribution value, Distribution? baseline)
{
    var ratio = baseline is null ? "" : $"   {value.P50 / baseline.P50,5:F1}x, {value.P95 / baseline.P95,5:F1}x";
    Console.WriteLine($"  {name,-46} {value.P50,6:F0} ms {value.P95,6:F0} ms{ratio}");
}

static string Verdict(bool met) => met ? "met" : "NOT met";
