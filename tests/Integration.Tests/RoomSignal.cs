using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VideoEngager.Integration.Tests;

/// <summary>A page's signalling connection to a room, as the room page opens it.</summary>
internal sealed class RoomSignal : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    public WebSocket Socket => _socket;

    public static async Task<RoomSignal> ConnectAsync(Uri edge, string bookingId, string token, CancellationToken cancellationToken)
    {
        var signal = new RoomSignal();
        var address = new UriBuilder(edge) { Scheme = edge.Scheme == "https" ? "wss" : "ws", Path = $"/rooms/{bookingId}/signal", Query = $"token={Uri.EscapeDataString(token)}" };
        await signal._socket.ConnectAsync(address.Uri, cancellationToken);
        return signal;
    }

    public Task SendAsync(object message, CancellationToken cancellationToken) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    /// <summary>The next message from the server, or null once it closed the connection.</summary>
    public async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), timeout.Token);
            length += received.Count;
        }
        while (!received.EndOfMessage);
        return received.MessageType == WebSocketMessageType.Close
            ? null
            : JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!.AsObject();
    }

    /// <summary>Skips messages until one of <paramref name="type"/> arrives.</summary>
    public async Task<JsonObject> ReceiveAsync(string type, CancellationToken cancellationToken)
    {
        while (true)
        {
            var message = await ReceiveAsync(cancellationToken)
                ?? throw new InvalidOperationException($"The connection closed before a '{type}' message ({_socket.CloseStatus} {_socket.CloseStatusDescription}).");
            if ((string?)message["type"] == type)
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // the server went first
            }
        }
        _socket.Dispose();
    }
}
