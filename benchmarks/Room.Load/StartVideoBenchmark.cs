using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace VideoEngager.Benchmarks;

internal sealed record StartVideoResult(int Escalations, int Concurrency, Distribution Health, Distribution StartVideo, int Created, int Failed);

/// <summary>
/// Start Video from live chats: each escalation names a message of its own guest's Web Messaging session (made in
/// advance on the emulator), so each is checked on the platform and answered at once with its customer URL; the leg
/// itself follows from the outbox. Baseline: <c>GET /health</c> on the edge at the same concurrency.
/// </summary>
internal static class StartVideoBenchmark
{
    public static async Task<StartVideoResult> RunAsync(RoomApp app, BenchTenant tenant, int count, int concurrency, CancellationToken cancellationToken)
    {
        var messages = new string[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => messages[i] = await GuestMessageAsync(app.Genesys, ct));

        using var edge = new HttpClient { BaseAddress = app.Edge };
        edge.DefaultRequestHeaders.Add("X-Tenant-Key", tenant.WidgetKey);
        // Warm-up, not counted: JIT, pools, the platform client's token.
        await RunAsync(Math.Min(50, count), concurrency, async _ => (await edge.GetAsync("/health", cancellationToken)).IsSuccessStatusCode);
        var health = await RunAsync(count, concurrency, async _ => (await edge.GetAsync("/health", cancellationToken)).IsSuccessStatusCode);
        var created = 0;
        var startVideo = await RunAsync(count, concurrency, async i =>
        {
            using var response = await edge.PostAsJsonAsync("/create", new
            {
                visitor = new { name = "Layla Haddad", email = $"v-{i}@visitor.example", phone = "+971501234567", preferredLang = "en" },
                queueId = tenant.QueueId,
                desiredTime = "now",
                messageId = messages[i],
            }, cancellationToken);
            if ((int)response.StatusCode == 201)
            {
                Interlocked.Increment(ref created);
            }
            return response.IsSuccessStatusCode;
        });
        return new StartVideoResult(count, concurrency, health.Latency, startVideo.Latency, created, startVideo.Failed);
    }

    private static async Task<(Distribution Latency, int Failed)> RunAsync(int count, int concurrency, Func<int, Task<bool>> call)
    {
        var samples = new double[count];
        var failed = 0;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await call(i))
                {
                    Interlocked.Increment(ref failed);
                }
                samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        return (Distribution.Of(samples), failed);
    }

    /// <summary>A guest's chat on the emulator's Web Messaging socket; the id of the guest's first message.</summary>
    private static async Task<string> GuestMessageAsync(Uri genesys, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://{genesys.Authority}/v1?deploymentId=bench"), cancellationToken);
        var token = Guid.NewGuid().ToString();
        await SendAsync(socket, new { action = "configureSession", token, deploymentId = "bench" }, cancellationToken);
        await ReceiveAsync(socket, cancellationToken);
        await SendAsync(socket, new { action = "onMessage", token, message = new { type = "Text", text = "Video, please" } }, cancellationToken);
        var echo = await ReceiveAsync(socket, cancellationToken);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", cancellationToken);
        return echo.GetProperty("body").GetProperty("id").GetString()!;
    }

    private static Task SendAsync(ClientWebSocket socket, object frame, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(Encoding.UTF8.GetString(frame.ToArray())).RootElement.Clone();
    }
}
