using VideoEngager.Genesys.Emulator.WebMessaging;

namespace VideoEngager.Genesys.Emulator.Callbacks;

/// <summary>
/// A callback request whose ids have all been checked against the routing directory. <see cref="Transcript"/> is the
/// chat so far when the callback is added to a chat, shown on the agent's offer.
/// </summary>
internal sealed record NewCallback(
    Guid QueueId,
    IReadOnlyList<Guid> SkillIds,
    Guid? LanguageId,
    int Priority,
    IReadOnlyList<Guid> PreferredAgentIds,
    string? CallbackUserName,
    IReadOnlyList<string> CallbackNumbers,
    DateTimeOffset? ScheduledTime,
    string? CountryCode,
    Guid? ScriptId,
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyList<TranscriptLine>? Transcript = null)
{
    public string? AgentUrl => Data.GetValueOrDefault("agentUrl");
}
