namespace VideoEngager.Genesys.Emulator.Routing;

/// <summary>What can be looked up by name in the routing API.</summary>
internal enum RoutingKind
{
    Skill,
    Queue,
    Language,
}

internal enum Presence
{
    Available,
    Busy,
    Offline,
}

/// <summary>A skill, queue or language: the platform knows them by id, people by name.</summary>
internal sealed record RoutingEntity(Guid Id, string Name);

internal sealed record Agent(
    Guid Id,
    string Name,
    string Email,
    IReadOnlySet<Guid> SkillIds,
    IReadOnlySet<Guid> LanguageIds,
    IReadOnlySet<Guid> QueueIds,
    Presence Presence);
