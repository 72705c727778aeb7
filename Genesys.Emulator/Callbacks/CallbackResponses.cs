using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.Callbacks;

internal sealed record EntityRef(Guid Id);

internal sealed record CallbackIdentifier(string Type, Guid Id);

/// <summary>The answer to create and to reschedule.</summary>
internal sealed record CallbackCreatedResponse(EntityRef Conversation, IReadOnlyList<CallbackIdentifier> CallbackIdentifiers)
{
    public static CallbackCreatedResponse Of(CallbackSnapshot callback) => new(
        new EntityRef(callback.Id),
        [new("ACD", callback.AcdCallbackId), new("EXTERNAL", callback.ExternalCallbackId)]);
}

internal sealed record CallbackConversationResponse(Guid Id, IReadOnlyList<CallbackParticipantResponse> Participants)
{
    /// <summary>Every participant carries the callback's details and its data as attributes, as the platform shows them.</summary>
    public static CallbackConversationResponse Of(CallbackSnapshot callback) => new(
        callback.Id,
        [.. callback.Participants.Select(p => new CallbackParticipantResponse(
            p.Id,
            p.Purpose.ToString().ToLowerInvariant(),
            p.State.ToString().ToLowerInvariant(),
            new EntityRef(callback.Request.QueueId),
            p.UserId is { } userId ? new EntityRef(userId) : null,
            callback.Request.Data,
            callback.Request.CallbackNumbers,
            callback.Request.CallbackUserName,
            callback.Request.ScheduledTime))]);
}

internal sealed record CallbackParticipantResponse(
    Guid Id,
    string Purpose,
    string State,
    EntityRef Queue,
    EntityRef? User,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<string> CallbackNumbers,
    string? CallbackUserName,
    DateTimeOffset? CallbackScheduledTime);

/// <summary>The emulator's own listing for tests: everything about a callback in one flat record.</summary>
internal sealed record CallbackAdminView(
    Guid Id,
    Guid AcdCallbackId,
    Guid ExternalCallbackId,
    string Status,
    Guid QueueId,
    string? QueueName,
    IReadOnlyList<Guid> SkillIds,
    Guid? LanguageId,
    int Priority,
    IReadOnlyList<Guid> PreferredAgentIds,
    Guid? AssignedAgentId,
    Guid? AgentId,
    string? CallbackUserName,
    IReadOnlyList<string> CallbackNumbers,
    DateTimeOffset? CallbackScheduledTime,
    string? CountryCode,
    Guid? ScriptId,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyList<CallbackParticipantResponse> Participants)
{
    public static CallbackAdminView Of(CallbackSnapshot callback, RoutingDirectory directory) => new(
        callback.Id,
        callback.AcdCallbackId,
        callback.ExternalCallbackId,
        callback.Status.ToString().ToLowerInvariant(),
        callback.Request.QueueId,
        directory.Find(RoutingKind.Queue, callback.Request.QueueId)?.Name,
        callback.Request.SkillIds,
        callback.Request.LanguageId,
        callback.Request.Priority,
        callback.Request.PreferredAgentIds,
        callback.AssignedAgentId,
        callback.ActiveAgentId,
        callback.Request.CallbackUserName,
        callback.Request.CallbackNumbers,
        callback.Request.ScheduledTime,
        callback.Request.CountryCode,
        callback.Request.ScriptId,
        callback.CreatedAt,
        callback.Request.Data,
        CallbackConversationResponse.Of(callback).Participants);
}
