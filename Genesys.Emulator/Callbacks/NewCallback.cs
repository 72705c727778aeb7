namespace VideoEngager.Genesys.Emulator.Callbacks;

/// <summary>A callback request whose ids have all been checked against the routing directory.</summary>
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
    IReadOnlyDictionary<string, string> Data)
{
    public string? AgentUrl => Data.GetValueOrDefault("agentUrl");
}
