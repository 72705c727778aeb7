using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

/// <summary>JSON text frames over a test WebSocket: the guest API's and the notification channel's.</summary>
internal static class SocketFrames
{
    public static Task SendAsync(WebSocket socket, object frame, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(frame), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>The next whole frame, or a failure after ten seconds.</summary>
    public static async Task<JsonElement> ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            frame.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonDocument.Parse(Encoding.UTF8.GetString(frame.ToArray())).RootElement.Clone();
    }
}
