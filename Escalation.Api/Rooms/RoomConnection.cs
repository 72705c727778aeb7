using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.RateLimiting;
using Grpc.Core;
using StackExchange.Redis;
using VideoEngager.Scheduling.V1;
using SchedulingClient = VideoEngager.Scheduling.V1.Scheduling.SchedulingClient;

namespace VideoEngager.Escalation.Rooms;

/// <summary>
/// One party's signalling connection: greets the page, passes its checked messages to the other party through the
/// relay, and passes the other party's to the page. A newer connection of the same party takes over this one; the
/// room's closing time and a shutdown of this replica end it.
/// </summary>
internal sealed class RoomConnection(
    WebSocket socket, RoomReply room, string token, RoomRelay relay, SchedulingClient scheduling, RoomOptions options,
    TimeProvider clock, ILogger logger) : IDisposable
{
    public const int TakenOverCode = 4001;
    public const int RefusedCode = 4003;
    public const int TooMuchCode = 4008;
    // The page reconnects after it, to a replica that is not stopping.
    private const int RestartingCode = 1012;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PresenceDeadline = TimeSpan.FromSeconds(5);

    private readonly string _id = Guid.NewGuid().ToString("N");
    private readonly string _peer = room.Party == "customer" ? "agent" : "customer";
    private readonly SemaphoreSlim _sending = new(1, 1);
    private long _generation;
    private string? _peerConnection;
    private bool _takenOver;
    private bool _left;

    public async Task RunAsync(CancellationToken requestAborted, CancellationToken appStopping)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        ChannelMessageQueue inbox;
        try
        {
            inbox = await relay.ListenAsync(room.BookingId, room.Party);
            _generation = await relay.NextGenerationAsync(room.BookingId, room.Party);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            EscalationLog.RelayUnavailable(logger, room.BookingId, e.GetType().Name);
            await Quietly(CloseAsync(WebSocketCloseStatus.InternalServerError, "unavailable", CancellationToken.None));
            return;
        }
        try
        {
            await SendAsync(Welcome(), stop.Token);
            await relay.SendAsync(room.BookingId, room.Party, new RelayEnvelope("takeover", _id, Generation: _generation));
            await relay.SendAsync(room.BookingId, _peer, new RelayEnvelope("joined", _id));
            var fromPeer = ForwardInboxAsync(inbox, stop);
            var fromPage = ReceivePageAsync(stop);
            var closing = WhenClosingAsync(appStopping, stop.Token);
            var first = await Task.WhenAny(fromPeer, fromPage, closing);
            if (first == closing && closing.IsCompletedSuccessfully)
            {
                var (code, reason) = await closing;
                await CloseAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
            if (first != fromPage)
            {
                // This side closed: let the page answer the close before the connection is cut, or cancelling the
                // pending receive would abort it with the close frame still unsent.
                await Task.WhenAny(fromPage, Task.Delay(CloseGrace, clock, CancellationToken.None));
            }
            await stop.CancelAsync();
            await Task.WhenAll(Quietly(fromPeer), Quietly(fromPage), Quietly(closing));
            await Quietly(CloseAsync(WebSocketCloseStatus.NormalClosure, "closed", CancellationToken.None));
        }
        catch (Exception e) when (e is RedisException or TimeoutException or WebSocketException or OperationCanceledException)
        {
            // Redis or the page went away mid-way: the page reconnects and the two pages greet each other anew.
        }
        finally
        {
            await Quietly(inbox.UnsubscribeAsync());
            if (!_takenOver && !_left)
            {
                // A lost connection (or a reload) is not a hang-up: the other page shows "reconnecting".
                await Quietly(relay.SendAsync(room.BookingId, _peer, new RelayEnvelope("disconnected", _id)));
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
        // A credential is no use past the room's closing, so it expires then at the latest.
        var expiresAt = clock.GetUtcNow() + options.TurnCredentialLifetime;
        var closesAt = room.ClosesAt.ToDateTimeOffset();
        expiresAt = expiresAt < closesAt ? expiresAt : closesAt;
        foreach (var server in options.IceServers)
        {
            var entry = new JsonObject { ["urls"] = new JsonArray([.. server.Urls.Select(url => JsonValue.Create(url))]) };
            if (server.UsesTurnSecret)
            {
                if (string.IsNullOrEmpty(options.TurnSecret))
                {
                    continue; // a TURN server without credentials would make the page's peer connection throw
                }
                var credential = TurnCredentials.For(options.TurnSecret, room.BookingId, expiresAt);
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
                case "takeover" when envelope.Generation > _generation:
                    _takenOver = true;
                    await SendAsync(new JsonObject { ["type"] = "taken-over" }, stop.Token);
                    await CloseAsync((WebSocketCloseStatus)TakenOverCode, "taken-over", stop.Token);
                    return;
                case "joined" or "here":
                    if (envelope.Kind == "joined")
                    {
                        // Answered first: the page answers peer-joined with an offer, which must reach the newcomer
                        // after this.
                        await relay.SendAsync(room.BookingId, _peer, new RelayEnvelope("here", _id));
                    }
                    // Both "joined" and "here" may arrive from the same connection when both parties connect at
                    // once: the page meets each connection once.
                    if (_peerConnection != envelope.Connection)
                    {
                        _peerConnection = envelope.Connection;
                        await SendAsync(new JsonObject { ["type"] = "peer-joined" }, stop.Token);
                    }
                    break;
                case "left" or "disconnected" when envelope.Connection == _peerConnection:
                    _peerConnection = null;
                    await SendAsync(new JsonObject
                    {
                        ["type"] = "peer-left",
                        ["reason"] = envelope.Kind == "left" ? "left" : "disconnected",
                    }, stop.Token);
                    break;
                // Not from a connection other than the one the page is talking to: a late word from a replaced one would
                // break the call. Before this connection has met any, the other party's existing connection may already
                // speak (its "here" can follow a chat line it had sent), so it is heard.
                case "relay" when (_peerConnection is null || envelope.Connection == _peerConnection)
                    && envelope.Payload is { ValueKind: JsonValueKind.Object } payload:
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
                    // One byte more than allowed is enough to know a message is too large.
                    received = await socket.ReceiveAsync(buffer.AsMemory(length, options.MaxMessageBytes + 1 - length), stop.Token);
                    length += received.Count;
                }
                while (!received.EndOfMessage && length <= options.MaxMessageBytes);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                if (length > options.MaxMessageBytes)
                {
                    await SendAsync(Refusal("too-large"), stop.Token);
                    await CloseAsync((WebSocketCloseStatus)TooMuchCode, "too-large", stop.Token);
                    return;
                }
                var message = received.MessageType == WebSocketMessageType.Text
                    ? SignalMessages.Parse(buffer.AsSpan(0, length), clock.GetUtcNow())
                    : new SignalMessage.Refused("invalid");
                if (message is SignalMessage.Leave)
                {
                    // Never rate-limited: a lost hang-up would leave the call open for good.
                    await LeaveAsync(stop.Token);
                    return;
                }
                using var lease = limiter.AttemptAcquire();
                if (!lease.IsAcquired)
                {
                    await SendAsync(Refusal("rate-limited"), stop.Token);
                    continue;
                }
                switch (message)
                {
                    case SignalMessage.Relay relayed:
                        var payload = JsonSerializer.SerializeToElement(relayed.Message);
                        await relay.SendAsync(room.BookingId, _peer, new RelayEnvelope("relay", _id, payload));
                        break;
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
            // Not tied to the page's connection: a tab closed right after Leave must still end the call.
            await scheduling.RecordPresenceAsync(
                new RecordPresenceRequest { BookingId = room.BookingId, Token = token, Joined = false },
                deadline: clock.GetUtcNow().UtcDateTime + PresenceDeadline, cancellationToken: CancellationToken.None);
        }
        catch (RpcException e)
        {
            EscalationLog.PresenceNotRecorded(logger, room.BookingId, e.StatusCode);
        }
        await relay.SendAsync(room.BookingId, _peer, new RelayEnvelope("left", _id));
        await CloseAsync(WebSocketCloseStatus.NormalClosure, "left", cancellationToken);
    }

    /// <summary>Completes with the close to send when the room closes, or when this replica is stopping.</summary>
    private async Task<(int Code, string Reason)> WhenClosingAsync(CancellationToken appStopping, CancellationToken stop)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(appStopping, stop);
        var left = room.ClosesAt.ToDateTimeOffset() - clock.GetUtcNow();
        try
        {
            await Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock, either.Token);
            return (RefusedCode, "room-closed");
        }
        catch (OperationCanceledException) when (appStopping.IsCancellationRequested && !stop.IsCancellationRequested)
        {
            return (RestartingCode, "restarting");
        }
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
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or RedisException or TimeoutException)
        {
            // Either side ending ends the connection; nothing is left to tell.
        }
    }
}
