using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VideoEngager.Genesys.Emulator.Desktop;
using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.WebMessaging;

/// <summary>
/// The Web Messaging guest protocol: sessions by token, guest frames in, server frames out, and the agent's side
/// (replies and ending the chat) from the desktop. Frames are handled under one lock, in arrival order.
/// </summary>
internal sealed class WebMessagingHub(
    TimeProvider time, IOptions<WebMessagingOptions> options, AgentEventHub desktops, ILogger<WebMessagingHub> logger)
{
    private const string Inbound = "Inbound";
    private const string Outbound = "Outbound";
    private readonly Lock _lock = new();
    private readonly Dictionary<string, MessagingSession> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, MessagingSession> _byConversation = [];
    private readonly Dictionary<Guid, (Guid ConversationId, StructuredMessage Message)> _messages = [];

    public void Close(GuestConnection connection)
    {
        lock (_lock)
        {
            connection.Session?.Connections.Remove(connection);
            connection.Session = null;
        }
        connection.Outbox.Writer.TryComplete();
    }

    /// <summary>Handles one text frame from a guest; every answer goes to the connection's outbox.</summary>
    public void Receive(GuestConnection connection, string frame)
    {
        var notices = new List<MessagingNotice>();
        lock (_lock)
        {
            HandleLocked(connection, frame, notices);
        }
        Notify(notices);
    }

    public EngineOutcome AgentReply(Guid conversationId, Guid agentId, string text)
    {
        var notices = new List<MessagingNotice>();
        lock (_lock)
        {
            if (!_byConversation.TryGetValue(conversationId, out var session))
            {
                return EngineOutcome.NotFound;
            }
            if (session.ReadOnly)
            {
                return EngineOutcome.Conflict;
            }
            if (!session.AgentJoined)
            {
                // The guest learns an agent joined before the agent's first words, as on the platform.
                session.AgentId = agentId;
                PushLocked(session, "Event", null, [MessageEvent.PresenceOf("Join")]);
            }
            PushLocked(session, "Text", text, []);
            notices.Add(new MessagingNotice(conversationId, "outbound", text, Snapshot(session)));
        }
        Notify(notices);
        return EngineOutcome.Ok;
    }

    /// <summary>The agent ends the chat: the guest gets a Presence Disconnect and the session turns read-only.</summary>
    public EngineOutcome AgentDisconnect(Guid conversationId)
    {
        var notices = new List<MessagingNotice>();
        lock (_lock)
        {
            if (!_byConversation.TryGetValue(conversationId, out var session))
            {
                return EngineOutcome.NotFound;
            }
            if (!session.ReadOnly)
            {
                PushLocked(session, "Event", null, [MessageEvent.PresenceOf("Disconnect")]);
                session.EndedAt = time.GetUtcNow();
                notices.Add(new MessagingNotice(conversationId, "disconnect", null, Snapshot(session)));
            }
        }
        Notify(notices);
        return EngineOutcome.Ok;
    }

    public (Guid ConversationId, StructuredMessage Message)? FindMessage(Guid messageId)
    {
        lock (_lock)
        {
            return _messages.TryGetValue(messageId, out var found) ? found : null;
        }
    }

    public IReadOnlyList<MessagingSessionView> Sessions()
    {
        lock (_lock)
        {
            return [.. _byConversation.Values.OrderBy(s => s.CreatedAt).Select(ViewOf)];
        }
    }

    /// <summary>The guest conversation with this id, or null: what the conversation and analytics APIs show of it.</summary>
    public MessagingSessionView? Find(Guid conversationId)
    {
        lock (_lock)
        {
            return _byConversation.TryGetValue(conversationId, out var session) ? ViewOf(session) : null;
        }
    }

    private static MessagingSessionView ViewOf(MessagingSession s) => new(
        s.ConversationId, s.DeploymentId, s.CreatedAt, s.ReadOnly, s.AgentJoined, Snapshot(s), [.. s.Messages], s.Connections.Count,
        s.CustomerParticipantId, s.AgentParticipantId, s.AgentId, s.EndedAt);

    private void HandleLocked(GuestConnection connection, string frame, List<MessagingNotice> notices)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(frame);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            connection.Send(ServerFrame.Error(400, "The frame is not valid JSON."));
            return;
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            connection.Send(ServerFrame.Error(400, "The frame must be a JSON object."));
            return;
        }
        var tracingId = Text(root, "tracingId");
        switch (Text(root, "action"))
        {
            case null:
                connection.Send(ServerFrame.Error(GuestErrorCodes.MissingParameter, "Missing parameter: action", tracingId));
                break;
            case "configureSession":
                Configure(connection, root, tracingId);
                break;
            case "onMessage":
                OnMessage(connection, root, tracingId, notices);
                break;
            case "echo":
                Echo(connection, root, tracingId);
                break;
            case "closeSession":
                CloseSession(connection, root, tracingId);
                break;
            case var other:
                connection.Send(ServerFrame.Error(400, $"Unknown action '{other}'.", tracingId));
                break;
        }
    }

    private void Configure(GuestConnection connection, JsonElement root, string? tracingId)
    {
        var token = Text(root, "token");
        var deploymentId = Text(root, "deploymentId");
        if (string.IsNullOrWhiteSpace(token) || string.IsNullOrWhiteSpace(deploymentId))
        {
            connection.Send(ServerFrame.Error(GuestErrorCodes.MissingParameter,
                $"Missing parameter: {(string.IsNullOrWhiteSpace(token) ? "token" : "deploymentId")}", tracingId));
            return;
        }
        var startNew = root.TryGetProperty("startNew", out var flag) && flag.ValueKind == JsonValueKind.True;
        var max = options.Value.MaxCustomDataBytes;

        if (_byToken.TryGetValue(token, out var existing) && !startNew)
        {
            Attach(connection, existing);
            connection.Send(ServerFrame.Response("SessionResponse",
                new SessionResponse(true, false, existing.ReadOnly, max, [], false), tracingId));
            return;
        }

        if (existing is not null)
        {
            // Starting anew leaves the old conversation behind, read-only, still findable by its messages.
            existing.EndedAt ??= time.GetUtcNow();
        }
        var session = new MessagingSession
        {
            Token = token,
            DeploymentId = deploymentId,
            ConversationId = Guid.NewGuid(),
            CreatedAt = time.GetUtcNow(),
        };
        _byToken[token] = session;
        _byConversation[session.ConversationId] = session;
        Attach(connection, session);
        EmulatorLog.MessagingSessionStarted(logger, session.ConversationId, deploymentId);
        connection.Send(ServerFrame.Response("SessionResponse",
            new SessionResponse(true, true, false, max, [], existing is not null), tracingId));
    }

    private void OnMessage(GuestConnection connection, JsonElement root, string? tracingId, List<MessagingNotice> notices)
    {
        if (SessionOf(connection, root, tracingId) is not { } session)
        {
            return;
        }
        if (!root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            connection.Send(ServerFrame.Error(GuestErrorCodes.MissingParameter, "Missing parameter: message", tracingId));
            return;
        }
        if (session.ReadOnly)
        {
            // Not confirmed against the platform: its clients stop sending once read-only, so any client error fits.
            connection.Send(ServerFrame.Error(400, "The conversation is read-only; configure a session with startNew to chat again.", tracingId));
            return;
        }

        var now = time.GetUtcNow();
        while (session.RecentInbound.TryPeek(out var sent) && now - sent >= TimeSpan.FromSeconds(1))
        {
            session.RecentInbound.Dequeue();
        }
        if (session.RecentInbound.Count >= options.Value.MaxMessagesPerSecond)
        {
            connection.Send(new ServerFrame("response", "TooManyRequestsErrorMessage", 429,
                new TooManyRequestsBody(options.Value.RetryAfterSeconds, GuestErrorCodes.RequestRateTooHigh,
                    "Message rate too high for this session"), tracingId));
            return;
        }

        var type = Text(message, "type") ?? "Text";
        var text = Text(message, "text");
        var events = Events(message);
        if (type == "Text" && string.IsNullOrEmpty(text))
        {
            connection.Send(ServerFrame.Error(GuestErrorCodes.MissingParameter, "Missing parameter: text", tracingId));
            return;
        }
        if (type == "Event" && events.Count == 0)
        {
            connection.Send(ServerFrame.Error(GuestErrorCodes.MissingParameter, "Missing parameter: events", tracingId));
            return;
        }
        if (text is not null && text.Length > options.Value.MaxTextLength)
        {
            connection.Send(ServerFrame.Error(GuestErrorCodes.MessageTooLong, "Message too long", tracingId));
            return;
        }
        Dictionary<string, string>? attributes = null;
        if (message.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object
            && channel.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("customAttributes", out var custom) && custom.ValueKind == JsonValueKind.Object)
        {
            if (Encoding.UTF8.GetByteCount(custom.GetRawText()) > options.Value.MaxCustomDataBytes)
            {
                connection.Send(ServerFrame.Error(GuestErrorCodes.CustomAttributesTooLarge,
                    $"Custom Attributes in channel metadata is larger than {options.Value.MaxCustomDataBytes} bytes", tracingId));
                return;
            }
            attributes = custom.EnumerateObject().ToDictionary(
                p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);
        }

        session.RecentInbound.Enqueue(now);
        foreach (var (key, value) in attributes ?? [])
        {
            session.CustomAttributes[key] = value;
        }
        var id = Guid.NewGuid();
        var stored = new StructuredMessage(id, Inbound, type, text,
            new MessageChannel(now, id, attributes is null ? null : new ChannelMetadata(attributes)), events, "Human");
        session.Messages.Add(stored);
        _messages[id] = (session.ConversationId, stored);
        connection.Send(ServerFrame.Response("StructuredMessage", stored, tracingId));

        if (type == "Text")
        {
            notices.Add(new MessagingNotice(session.ConversationId, "inbound", text, Snapshot(session)));
        }
        foreach (var presence in events.Where(e => e.Presence is not null).Select(e => e.Presence!.Type))
        {
            if (presence == "Disconnect")
            {
                session.EndedAt ??= now;
            }
            if (presence is "Join" or "Disconnect")
            {
                notices.Add(new MessagingNotice(session.ConversationId, presence.ToLowerInvariant(), null, Snapshot(session)));
            }
        }
    }

    private void Echo(GuestConnection connection, JsonElement root, string? tracingId)
    {
        if (string.IsNullOrWhiteSpace(Text(root, "token")))
        {
            connection.Send(ServerFrame.Error(GuestErrorCodes.MissingParameter, "Missing parameter: token", tracingId));
            return;
        }
        root.TryGetProperty("message", out var message);
        var id = Guid.NewGuid();
        var text = message.ValueKind == JsonValueKind.Object ? Text(message, "text") : null;
        connection.Send(ServerFrame.Response("StructuredMessage",
            new StructuredMessage(id, Inbound, "Text", text, new MessageChannel(time.GetUtcNow(), id), [], "Human"), tracingId));
    }

    private void CloseSession(GuestConnection connection, JsonElement root, string? tracingId)
    {
        if (SessionOf(connection, root, tracingId) is not { } session)
        {
            return;
        }
        if (root.TryGetProperty("closeAllConnections", out var all) && all.ValueKind == JsonValueKind.True)
        {
            foreach (var other in session.Connections.Where(c => c != connection).ToList())
            {
                other.Send(ServerFrame.Message("ConnectionClosedEvent", new { }));
                other.Session = null;
                other.Outbox.Writer.TryComplete();
                session.Connections.Remove(other);
            }
        }
        connection.Send(ServerFrame.Response("SessionResponse",
            new SessionResponse(false, false, session.ReadOnly, options.Value.MaxCustomDataBytes, [], false), tracingId));
    }

    /// <summary>The session this connection configured; the frame's token must be that session's.</summary>
    private static MessagingSession? SessionOf(GuestConnection connection, JsonElement root, string? tracingId)
    {
        var token = Text(root, "token");
        if (string.IsNullOrWhiteSpace(token))
        {
            connection.Send(ServerFrame.Error(GuestErrorCodes.MissingParameter, "Missing parameter: token", tracingId));
            return null;
        }
        if (connection.Session is not { } session || !string.Equals(session.Token, token, StringComparison.Ordinal))
        {
            connection.Send(ServerFrame.Error(GuestErrorCodes.SessionNotFound, "Session not found: send configureSession first.", tracingId));
            return null;
        }
        return session;
    }

    private static void Attach(GuestConnection connection, MessagingSession session)
    {
        connection.Session?.Connections.Remove(connection);
        connection.Session = session;
        session.Connections.Add(connection);
    }

    private void PushLocked(MessagingSession session, string type, string? text, IReadOnlyList<MessageEvent> events)
    {
        var now = time.GetUtcNow();
        var id = Guid.NewGuid();
        var message = new StructuredMessage(id, Outbound, type, text, new MessageChannel(now, id), events, "Human");
        session.Messages.Add(message);
        _messages[id] = (session.ConversationId, message);
        foreach (var connection in session.Connections)
        {
            connection.Send(ServerFrame.Message("StructuredMessage", message));
        }
    }

    private static List<MessageEvent> Events(JsonElement message)
    {
        var events = new List<MessageEvent>();
        if (!message.TryGetProperty("events", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return events;
        }
        foreach (var item in array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
        {
            var eventType = Text(item, "eventType") ?? "";
            var presence = item.TryGetProperty("presence", out var p) && p.ValueKind == JsonValueKind.Object && Text(p, "type") is { } pt
                ? new PresenceEvent(pt) : null;
            var typing = item.TryGetProperty("typing", out var t) && t.ValueKind == JsonValueKind.Object && Text(t, "type") is { } tt
                ? new TypingEvent(tt) : null;
            events.Add(new MessageEvent(eventType, presence, typing));
        }
        return events;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, string> Snapshot(MessagingSession session) => new(session.CustomAttributes, StringComparer.Ordinal);

    private void Notify(List<MessagingNotice> notices)
    {
        foreach (var notice in notices)
        {
            desktops.PublishToAll(new AgentNotice(AgentNotice.Messaging, notice.ConversationId, Message: notice));
        }
    }
}

internal sealed record MessagingSessionView(
    Guid ConversationId,
    string DeploymentId,
    DateTimeOffset CreatedAt,
    bool ReadOnly,
    bool AgentJoined,
    IReadOnlyDictionary<string, string> CustomAttributes,
    IReadOnlyList<StructuredMessage> Messages,
    int Connections,
    Guid CustomerParticipantId,
    Guid AgentParticipantId,
    Guid? AgentId,
    DateTimeOffset? EndedAt)
{
    /// <summary>The text exchanged so far, oldest first, as the agent's desktop shows it.</summary>
    public IReadOnlyList<TranscriptLine> Transcript =>
        [.. Messages.Where(m => m is { Type: "Text", Text: not null }).Select(m => new TranscriptLine(m.Direction, m.Text!, m.Channel.Time))];
}

internal sealed record TranscriptLine(string Direction, string Text, DateTimeOffset Time);
