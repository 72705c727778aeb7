using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.Seed;

/// <summary>
/// The demo org every local run starts with. Ids are fixed so that links and logs stay valid across restarts;
/// clients still resolve them by name, as they must against a real org.
/// </summary>
internal static class DemoOrg
{
    public const string Queue = "VIP-Video-Q";
    public static readonly Guid QueueId = new("6b1c1f3e-4a58-4c7e-9d0a-5f1e2d3c4b01");
    public static readonly Guid ArabicSkillId = new("0d2f9a51-7e43-4c1b-8a6d-1b2c3d4e5f01");
    public static readonly Guid EnglishSkillId = new("0d2f9a51-7e43-4c1b-8a6d-1b2c3d4e5f02");
    public static readonly Guid VideoSkillId = new("0d2f9a51-7e43-4c1b-8a6d-1b2c3d4e5f03");
    public static readonly Guid ArabicLanguageId = new("9a7e3c21-5b64-4f0d-a1e2-3c4d5e6f7a01");
    public static readonly Guid EnglishLanguageId = new("9a7e3c21-5b64-4f0d-a1e2-3c4d5e6f7a02");
    public static readonly Guid ArabicAgentId = new("c4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f01");
    public static readonly Guid EnglishAgentId = new("c4e5f6a7-b8c9-4d0e-8f1a-2b3c4d5e6f02");

    public static void SeedInto(RoutingDirectory directory, ILogger logger)
    {
        directory.TryAdd(RoutingKind.Queue, Queue, QueueId);
        directory.TryAdd(RoutingKind.Skill, "Arabic", ArabicSkillId);
        directory.TryAdd(RoutingKind.Skill, "English", EnglishSkillId);
        directory.TryAdd(RoutingKind.Skill, "Video", VideoSkillId);
        directory.TryAdd(RoutingKind.Language, "Arabic", ArabicLanguageId);
        directory.TryAdd(RoutingKind.Language, "English", EnglishLanguageId);
        directory.TryAddAgent(new Agent(ArabicAgentId, "Layla Haddad", "layla.haddad@agents.example",
            new HashSet<Guid> { ArabicSkillId, VideoSkillId }, new HashSet<Guid> { ArabicLanguageId },
            new HashSet<Guid> { QueueId }, Presence.Available));
        directory.TryAddAgent(new Agent(EnglishAgentId, "James Carter", "james.carter@agents.example",
            new HashSet<Guid> { EnglishSkillId, VideoSkillId }, new HashSet<Guid> { EnglishLanguageId },
            new HashSet<Guid> { QueueId }, Presence.Available));
        EmulatorLog.Seeded(logger, 1, 3, 2, 2);
    }
}
