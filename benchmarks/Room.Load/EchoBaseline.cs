using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace VideoEngager.Benchmarks;

/// <summary>
/// The fan-out's baseline: a bare Kestrel WebSocket server in this process that echoes each text message back, with
/// as many connections at the same rate as the relay run. What is left between it and the relay is the room's own
/// work (checking each message, Redis pub/sub between two replicas, the second hop to the other party).
/// </summary>
internal static class EchoBaseline
{
    public static async Task<ChatRunResult> RunAsync(int connections, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.UseWebSockets();
        server.Map("/echo", EchoAsync);
        await server.StartAsync(cancellationToken);
        try
        {
            var address = new UriBuilder(server.Urls.First()) { Scheme = "ws", Path = "/echo" }.Uri;
            var parties = new List<ChatParty>(connections);
            try
            {
                await Parallel.ForAsync(0, connections, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                    async (_, token) =>
                    {
                        var party = await ChatParty.ConnectAsync(address, token);
                        lock (parties)
                        {
                            parties.Add(party);
                        }
                    });
                return await ChatRun.RunAsync("Kestrel echo (baseline)", parties, warmUp, duration, cancellationToken);
            }
            finally
            {
                await Task.WhenAll(parties.Select(p => p.DisposeAsync().AsTask()));
            }
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }

    private static async Task EchoAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer.AsMemory(length), context.RequestAborted);
                    length += received.Count;
                }
                while (!received.EndOfMessage && length < buffer.Length);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", context.RequestAborted);
                    return;
                }
                await socket.SendAsync(buffer.AsMemory(0, length), received.MessageType, endOfMessage: true, context.RequestAborted);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
    }
}
