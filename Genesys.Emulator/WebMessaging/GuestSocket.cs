using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.WebMessaging;

/// <summary>Pumps one guest WebSocket: text frames in to the hub, the connection's outbox out to the socket.</summary>
internal static class GuestSocket
{
    /// <summary>Far above any valid frame (4096 characters of text plus 2048 bytes of attributes).</summary>
    private const int MaxFrameBytes = 256 * 1024;

    public static async Task RunAsync(
        WebSocket socket, WebMessagingHub hub, JsonSerializerOptions json, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = new GuestConnection();
        var sending = SendAsync(socket, connection, json, logger, cancellationToken);
        try
        {
            var buffer = new byte[16 * 1024];
            using var frame = new MemoryStream();
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                frame.Write(buffer, 0, result.Count);
                if (frame.Length > MaxFrameBytes)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Frame too large", cancellationToken);
                    break;
                }
                if (!result.EndOfMessage)
                {
                    continue;
                }
                if (result.MessageType == WebSocketMessageType.Text)
                {
                    hub.Receive(connection, Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length));
                }
                frame.SetLength(0);
            }
        }
        catch (WebSocketException ex)
        {
            EmulatorLog.GuestSocketFailed(logger, ex);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The guest went away.
        }
        finally
        {
            hub.Close(connection);
            await sending;
        }
    }

    /// <summary>
    /// The only writer of the socket. The outbox completes when the guest leaves, the session is closed from another
    /// connection, or the server stops; the socket is then closed from this side.
    /// </summary>
    private static async Task SendAsync(
        WebSocket socket, GuestConnection connection, JsonSerializerOptions json, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in connection.Outbox.Reader.ReadAllAsync(CancellationToken.None))
            {
                var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, json);
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(
                    cancellationToken.IsCancellationRequested ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure,
                    cancellationToken.IsCancellationRequested ? "Server stopping" : "Session closed",
                    closing.Token);
            }
        }
        catch (WebSocketException ex)
        {
            EmulatorLog.GuestSocketFailed(logger, ex);
        }
        catch (OperationCanceledException)
        {
            // The guest went away mid-frame or did not answer the close in time.
        }
    }
}
