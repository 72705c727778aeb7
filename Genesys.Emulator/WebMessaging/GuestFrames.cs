namespace VideoEngager.Genesys.Emulator.WebMessaging;

/// <summary>
/// A server frame: <c>{"type":"response"|"message","class":…,"code":…,"body":…}</c>. Responses answer the guest's own
/// frames; messages are pushed (agent text, presence, connection closed).
/// </summary>
internal sealed record ServerFrame(string Type, string Class, int Code, object Body, string? TracingId = null)
{
    public static ServerFrame Response(string @class, object body, string? tracingId = null) => new("response", @class, 200, body, tracingId);

    public static ServerFrame Message(string @class, object body) => new("message", @class, 200, body);

    /// <summary>Errors carry their text as the body and the class <c>string</c>.</summary>
    public static ServerFrame Error(int code, string text, string? tracingId = null) => new("response", "string", code, text, tracingId);
}

internal static class GuestErrorCodes
{
    public const int SessionExpired = 4006;
    public const int SessionNotFound = 4007;
    public const int MessageTooLong = 4011;
    public const int CustomAttributesTooLarge = 4013;
    public const int MissingParameter = 4020;
    public const int RequestRateTooHigh = 4029;
}

internal sealed record SessionResponse(
    bool Connected,
    bool NewSession,
    bool ReadOnly,
    int MaxCustomDataBytes,
    IReadOnlyList<string> BlockedExtensions,
    bool ClearedExistingSession);

internal sealed record TooManyRequestsBody(int RetryAfter, int ErrorCode, string ErrorMessage);

internal sealed record StructuredMessage(
    Guid Id,
    string Direction,
    string Type,
    string? Text,
    MessageChannel Channel,
    IReadOnlyList<MessageEvent> Events,
    string OriginatingEntity);

internal sealed record MessageChannel(DateTimeOffset Time, Guid MessageId, ChannelMetadata? Metadata = null);

internal sealed record ChannelMetadata(IReadOnlyDictionary<string, string> CustomAttributes);

internal sealed record MessageEvent(string EventType, PresenceEvent? Presence = null, TypingEvent? Typing = null)
{
    public static MessageEvent PresenceOf(string type) => new("Presence", new PresenceEvent(type));
}

internal sealed record PresenceEvent(string Type);

internal sealed record TypingEvent(string Type);
