namespace VideoEngager.Genesys.Emulator.Callbacks;

// Ids arrive as strings so that a malformed one gets the platform's "bad.request" naming the field,
// not a serializer error.

internal sealed record CreateCallbackRequest(
    RoutingDataRequest? RoutingData,
    string? QueueId,
    string? ScriptId,
    string? CallbackUserName,
    List<string>? CallbackNumbers,
    DateTimeOffset? CallbackScheduledTime,
    string? CountryCode,
    Dictionary<string, string>? Data);

internal sealed record RoutingDataRequest(
    string? QueueId,
    List<string>? SkillIds,
    string? LanguageId,
    int? Priority,
    List<string>? PreferredAgentIds);

internal sealed record PatchCallbackRequest(
    string? ConversationId,
    DateTimeOffset? CallbackScheduledTime,
    string? QueueId,
    string? AgentId);

internal sealed record BulkDisconnectRequest(List<CallbackDisconnectIdentifier>? CallbackDisconnectIdentifiers);

internal sealed record CallbackDisconnectIdentifier(string? ConversationId, string? CallbackId);
