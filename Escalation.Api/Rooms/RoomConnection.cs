using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using StackExchange.Redis;
using VideoEngager.Scheduling.V1;
using SchedulingClient = VideoEngager.Scheduling.V1.Scheduling.SchedulingClient;

namespace VideoEngager.Escalation.Rooms;

/// <summary>
/// One party's signalling connection: greets the page, passes its checked messages to the other party through the
/// relay, and passes the other party's to the page. A newer connection of the same party takes over this one.
/// </summary>
internal sealed class RoomConnection(
    WebSocket socket, RoomReply room, string token, RoomRelay relay, SchedulingClient scheduling, RoomOptions options,
    TimeProvider clock, ILogger logger) : IDisposable
{
    public const int TakenOverCode = 4001;
    public const int RefusedCode = 4003;
    public const int TooMuchCode = 4008;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private readonly string _id = Guid.NewGuid().ToString("N");
    private readonly string _peer = room.Party == "customer" ? "agent" : "customer";
    private readonly SemaphoreSlim _sending = new(1, 1);
    private bool _takenOver;
    private bool _left;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var inbox = await relay.ListenAsync(room.BookingId, room.Party);
        try
        {
            await SendAsync(Welcome(), stop.Token);
            await relay.SendAsync(room.BookingId, room.Party, new RelayEnvelope("takeover", _id));
            await relay.SendAsync(room.BookingId, _peer, new RelayEnvelope("joined", _id));
            var fromPeer = ForwardInboxAsync(inbox, stop);
            var fromPage = ReceivePageAsync(stop);
            if (await Task.WhenAny(fromPeer, fromPage) == fromPeer)
            {
                // This side closed (taken over): let the page answer the close before the connection is cut, or
                // cancelling the pending receive would abort it with the close frame still unsent.
                await Task.WhenAny(fromPage, Task.Delay(CloseGrace, clock, CancellationToken.None));
            }
            await stop.CancelAsync();
            await Task.WhenAll(Quietly(fromPeer), Quietly(fromPage));
            await Quietly(CloseAsync(WebSocketCloseStatus.NormalClosure, "closed", CancellationToken.None));
        }
        finally
        {
            await inbox.UnsubscribeAsync();
            if (!_takenOver && !_left)
            {
                // A lost connection (or a reload) is not a hang-up: the other page shows "reconnecting".
                await relay.SendAsync(room.BookingId, _peer, new RelayEnvelope("disconnected", _id));
            }
        }
    }

    private JsonObject Welcome()
    {
        var booking = new JsonObject
        {
            ["queueId"] = room.QueueId,
            ["queueName"] = room.QueueName,
            ["scheduledTime"] = room.ScheduledTime.ToDateTimeOffset().ToString("O"),
        };
        if (room.Party == "agent")
        {
            booking["customerName"] = room.CustomerName;
            var attributes = new JsonObject();
            foreach (var (name, value) in room.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                attributes[name] = value;
            }
            booking["attributes"] = attributes;
        }
        return new JsonObject
        {
            ["type"] = "welcome",
            ["party"] = room.Party,
            // Perfect negotiation: the customer yields when both offer at once.
            ["polite"] = room.Party == "customer",
            ["iceServers"] = IceServers(),
            ["booking"] = booking,
        };
    }

    private JsonArray IceServers()
    {
        var servers = new JsonArray();
        foreach (var server in options.IceServers)
        {
            var entry = new JsonObject { ["urls"] = new JsonArray([.. server.Urls.Select(url => JsonValue.Create(url))]) };
            if (server.UsesTurnSecret && !string.IsNullOrEmpty(options.TurnSecret))
            {
                var credential = TurnCredentials.For(
                    options.TurnSecret, room.BookingId, clock.GetUtcNow() + options.TurnCredentialLifetime);
                entry["username"] = credential.Username;
                entry["credential"] = credential.Password;
            }
            servers.Add(entry);
        }
        return servers;
    }

    private async Task ForwardInboxAsync(ChannelMessageQueue inbox, CancellationTokenSource stop)
    {
        await foreach (var message in inbox.WithCancellation(stop.Token))
        {
            if (RoomRelay.Read(message.Message) is not { } envelope || envelope.Connection == _id)
            {
                continue;
            }
            switch (envelope.Kind)
            {
                case "takeover":
                    _takenOver = true;
                    await SendAsync(new JsonObject { ["type"] = "taken-over" }, stop.Token);
                    await CloseAsync(TakenOverCode, "taken-over", stop.Token);
                    return;
                case "joined":
                    // "here" first: the page answers peer-joined with an offer, which must reach the newcomer after it.
                    await relay.SendAsync(room.BookingId, _peer, new RelayEnvelope("here", _id));
                    await SendAsync(new JsonObject { ["type"] = "peer-joined" }, stop.Token);
                    break;
                case "here":
                    await SendAsync(new JsonObject { ["type"] = "peer-joined" }, stop.Token);
                    break;
                case "left" or "disconnected":
                    await SendAsync(new JsonObject
                    {
                        ["type"] = "peer-left",
                        ["reason"] = envelope.Kind == "left" ? "left" : "disconnected",
                    }, stop.Token);
                    break;
                case "relay" when envelope.Payload is { ValueKind: JsonValueKind.Object } payload:
                    await SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(payload), stop.Token);
                    break;
            }
        }
    }

    private async Task ReceivePageAsync(CancellationTokenSource stop)
    {
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.MessageBurst,
            TokensPerPeriod = options.MessagesPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        var buffer = ArrayPool<byte>.Shared.Rent(options.MaxMessageBytes + 1);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (length > options.MaxMessageBytes)
                    {
                        await SendAsync(Refusal("too-large"), stop.Token);
                        await CloseAsync(TooMuchCode, "too-large", stop.Token);
                        return;
                    }
                    received = await socket.ReceiveAsync(buffer.AsMemory(length, options.MaxMessageBytes + 1 - length), stop.Token);
                    length += received.Count;
                }
                while (!received.EndOfMessage);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                if (length > options.MaxMessageBytes)
                {
                    await SendAsync(Refusal("too-large"), stop.Token);
                    await CloseAsync(TooMuchCode, "too-large", stop.Token);
                    return;
                }
                using var lease = limiter.AttemptAcquire();
                if (!lease.IsAcquired)
                {
                    await SendAsync(Refusal("rate-limited"), stop.Token);
                    continue;
                }
                if (received.MessageType != WebSocketMessageType.Text)
                {
                    await SendAsync(Refusal("invalid"), stop.Token);
                    continue;
                }
                switch (SignalMessages.Parse(buffer.AsSpan(0, length), clock.GetUtcNow()))
                {
                    case SignalMessage.Relay relayed:
                        var payload = JsonSerializer.SerializeToElement(relayed.Message);
                        await relay.SendAsync(room.BookingId, _peer, new RelayEnvelope("relay", _id, payload));
                        break;
                    case SignalMessage.Leave:
                        await LeaveAsync(stop.Token);
                        return;
                    case SignalMessage.Refused refused:
                        await SendAsync(Refusal(refused.Reason), stop.Token);
                        break;
                }
            }
        }
        catch (WebSocketException)
        {
            // The page went away without a close: the same as a lost connection.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task LeaveAsync(CancellationToken cancellationToken)
    {
        _left = true;
        try
        {
            await scheduling.RecordPresenceAsync(
                new RecordPresenceRequest { BookingId = room.BookingId, Token = token, Joined = false },
                cancellationToken: cancellationToken);
        }
        catch (Grpc.Core.RpcException e)
        {
            EscalationLog.PresenceNotRecorded(logger, room.BookingId, e.StatusCode);
        }
        await relay.SendAsync(room.BookingId, _peer, new RelayEnvelope("left", _id));
        await CloseAsync(WebSocketCloseStatus.NormalClosure, "left", cancellationToken);
    }

    public void Dispose() => _sending.Dispose();

    private static JsonObject Refusal(string reason) => new() { ["type"] = "error", ["reason"] = reason };

    private Task SendAsync(JsonObject message, CancellationToken cancellationToken) =>
        SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(message), cancellationToken);

    private async Task SendRawAsync(byte[] utf8, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(utf8, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    private Task CloseAsync(int code, string reason, CancellationToken cancellationToken) =>
        CloseAsync((WebSocketCloseStatus)code, reason, cancellationToken);

    private async Task CloseAsync(WebSocketCloseStatus code, string reason, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(code, reason, cancellationToken);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or RedisException)
        {
            // Either side ending ends the connection; nothing is left to tell.
        }
    }
}
