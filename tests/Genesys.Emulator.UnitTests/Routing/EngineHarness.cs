using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoEngager.Genesys.Emulator.Callbacks;
using VideoEngager.Genesys.Emulator.Desktop;
using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.UnitTests.Routing;

/// <summary>A routing engine on a fake clock with one queue, three skills and helpers to add agents and callbacks.</summary>
internal sealed class EngineHarness
{
    public static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(30);

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    public RoutingDirectory Directory { get; } = new();
    public AgentEventHub Events { get; } = new();
    public RoutingEngine Engine { get; }
    public Guid QueueId { get; }
    public Guid Arabic { get; }
    public Guid English { get; }
    public Guid Video { get; }
    public Guid ArabicLanguage { get; }

    public EngineHarness()
    {
        Engine = new RoutingEngine(Directory, Events, Time,
            Options.Create(new RoutingOptions { OfferTimeout = OfferTimeout }), NullLogger<RoutingEngine>.Instance);
        QueueId = Directory.TryAdd(RoutingKind.Queue, "VIP-Video-Q")!.Id;
        Arabic = Directory.TryAdd(RoutingKind.Skill, "Arabic")!.Id;
        English = Directory.TryAdd(RoutingKind.Skill, "English")!.Id;
        Video = Directory.TryAdd(RoutingKind.Skill, "Video")!.Id;
        ArabicLanguage = Directory.TryAdd(RoutingKind.Language, "Arabic")!.Id;
    }

    public Guid AddAgent(string name, Guid[] skills, Presence presence = Presence.Available, Guid[]? languages = null, Guid? queueId = null)
    {
        var agent = new Agent(Guid.NewGuid(), name, $"{name.ToLowerInvariant()}@agents.example",
            skills.ToHashSet(), (languages ?? []).ToHashSet(), new HashSet<Guid> { queueId ?? QueueId }, presence);
        return Directory.TryAddAgent(agent)!.Id;
    }

    public CallbackSnapshot AddCallback(
        Guid[] skills, DateTimeOffset? scheduledTime = null, int priority = 0, Guid? languageId = null, Guid[]? preferredAgents = null) =>
        Engine.Create(new NewCallback(QueueId, skills, languageId, priority, preferredAgents ?? [], "Fatima Al-Ali",
            ["+971501234567"], scheduledTime, "AE", null,
            new Dictionary<string, string> { ["agentUrl"] = "https://agent.example/room/1" }));

    public CallbackSnapshot Get(Guid conversationId) => Engine.Find(conversationId)!;

    public Guid? OfferedTo(Guid conversationId) =>
        Get(conversationId) is { Status: CallbackStatus.Offered } callback ? callback.ActiveAgentId : null;

    public void Advance(TimeSpan by)
    {
        Time.Advance(by);
        Engine.Tick();
    }
}
