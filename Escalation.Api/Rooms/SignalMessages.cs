using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VideoEngager.Escalation.Rooms;

/// <summary>A page's signalling message after checking: one to pass on, a hang-up, or a refusal with its reason.</summary>
public abstract record SignalMessage
{
    public sealed record Relay(JsonObject Message) : SignalMessage;

    public sealed record Leave : SignalMessage;

    public sealed record Refused(string Reason) : SignalMessage;
}

/// <summary>
/// Checks what a page sends before anything reaches the other party: only the known message types, each with its own
/// fields and nothing else, so one page can never hand the other arbitrary data.
/// </summary>
public static class SignalMessages
{
    public const int MaxChatLength = 1000;
    private const int MaxSdpLength = 30_000;
    private static readonly HashSet<string> DescriptionTypes = ["offer", "answer", "pranswer", "rollback"];

    public static SignalMessage Parse(ReadOnlySpan<byte> utf8, DateTimeOffset now)
    {
        JsonObject message;
        try
        {
            if (JsonNode.Parse(utf8) is not JsonObject parsed)
            {
                return new SignalMessage.Refused("invalid");
            }
            message = parsed;
        }
        catch (JsonException)
        {
            return new SignalMessage.Refused("invalid");
        }
        try
        {
            return Text(message["type"]) switch
            {
                "signal" => Signal(message),
                "state" => State(message),
                "chat" => Chat(message, now),
                "leave" => new SignalMessage.Leave(),
                _ => new SignalMessage.Refused("unknown-type"),
            };
        }
        catch (ArgumentException)
        {
            return new SignalMessage.Refused("invalid"); // a duplicate property name: JsonObject refuses to index it
        }
    }

    private static SignalMessage Signal(JsonObject message)
    {
        if (message["description"] is JsonObject description)
        {
            var type = Text(description["type"]);
            var sdp = description["sdp"] is null ? "" : Text(description["sdp"]);
            if (type is null || !DescriptionTypes.Contains(type) || sdp is null || sdp.Length > MaxSdpLength)
            {
                return new SignalMessage.Refused("invalid-description");
            }
            return Relay("signal", new JsonObject { ["description"] = new JsonObject { ["type"] = type, ["sdp"] = sdp } });
        }
        if (message["candidate"] is JsonObject candidate)
        {
            var text = Text(candidate["candidate"]);
            if (text is null || text.Length > 2000)
            {
                return new SignalMessage.Refused("invalid-candidate");
            }
            var copy = new JsonObject { ["candidate"] = text };
            if (Text(candidate["sdpMid"]) is { Length: <= 64 } mid)
            {
                copy["sdpMid"] = mid;
            }
            if (candidate["sdpMLineIndex"] is JsonValue index && index.TryGetValue(out int line) && line is >= 0 and < 64)
            {
                copy["sdpMLineIndex"] = line;
            }
            if (Text(candidate["usernameFragment"]) is { Length: <= 256 } fragment)
            {
                copy["usernameFragment"] = fragment;
            }
            return Relay("signal", new JsonObject { ["candidate"] = copy });
        }
        return new SignalMessage.Refused("invalid-signal");
    }

    private static SignalMessage State(JsonObject message) =>
        Flag(message["muted"]) is { } muted && Flag(message["cameraOff"]) is { } cameraOff && Flag(message["sharing"]) is { } sharing
            ? Relay("state", new JsonObject { ["muted"] = muted, ["cameraOff"] = cameraOff, ["sharing"] = sharing })
            : new SignalMessage.Refused("invalid-state");

    private static SignalMessage Chat(JsonObject message, DateTimeOffset now)
    {
        var text = Text(message["text"])?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > MaxChatLength
            ? new SignalMessage.Refused("invalid-chat")
            : Relay("chat", new JsonObject
            {
                ["text"] = text,
                ["at"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            });
    }

    private static SignalMessage.Relay Relay(string type, JsonObject fields)
    {
        var message = new JsonObject { ["type"] = type };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            message[name] = value;
        }
        return new SignalMessage.Relay(message);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool? Flag(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;
}
