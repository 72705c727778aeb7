using VideoEngager.Genesys.Emulator.Routing;
using VideoEngager.Genesys.Emulator.WebMessaging;

namespace VideoEngager.Genesys.Emulator.Desktop;

/// <summary>One Server-Sent Event for an agent's desktop; <see cref="Type"/> is also the SSE event name.</summary>
internal sealed record AgentNotice(
    string Type,
    Guid? ConversationId = null,
    OfferDetails? Offer = null,
    string? AgentUrl = null,
    string? Reason = null,
    Presence? Presence = null,
    string? AgentName = null,
    MessagingNotice? Message = null)
{
    public const string Hello = "hello";
    public const string Offered = "offer";
    public const string Withdrawn = "withdrawn";
    public const string Connected = "connected";
    public const string Ended = "ended";
    public const string PresenceChanged = "presence";
    public const string Messaging = "messaging";
}

/// <summary>What the toast shows. The customer's name is shown to the agent, never logged.</summary>
internal sealed record OfferDetails(
    Guid ConversationId,
    string? CustomerName,
    string QueueName,
    DateTimeOffset? ScheduledTime,
    DateTimeOffset ExpiresAt,
    int Priority,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<TranscriptLine> Transcript);

/// <summary>A guest's Web Messaging activity shown on the desktop so the agent can answer.</summary>
internal sealed record MessagingNotice(Guid ConversationId, string Kind, string? Text, IReadOnlyDictionary<string, string> CustomAttributes);
