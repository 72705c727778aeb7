using System.Threading.Channels;

namespace VideoEngager.Genesys.Emulator.WebMessaging;

/// <summary>A guest's conversation, found by the token the guest keeps. Only the hub touches it, under its lock.</summary>
internal sealed class MessagingSession
{
    public required string Token { get; init; }
    public required string DeploymentId { get; init; }
    public required Guid ConversationId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>The guest's participant on the conversation: the one a video leg is added to.</summary>
    public Guid CustomerParticipantId { get; } = Guid.NewGuid();
    public Guid AgentParticipantId { get; } = Guid.NewGuid();
    /// <summary>After a Presence Disconnect (from the guest or the agent) nothing more can be sent.</summary>
    public bool ReadOnly => EndedAt is not null;
    public DateTimeOffset? EndedAt { get; set; }
    public bool AgentJoined => AgentId is not null;
    /// <summary>The agent who answered first; they are the conversation's agent participant.</summary>
    public Guid? AgentId { get; set; }
    public Dictionary<string, string> CustomAttributes { get; } = new(StringComparer.Ordinal);
    public List<StructuredMessage> Messages { get; } = [];
    public Queue<DateTimeOffset> RecentInbound { get; } = new();
    public List<GuestConnection> Connections { get; } = [];
}

/// <summary>One guest WebSocket. Frames for it go through <see cref="Outbox"/>; completing it closes the socket.</summary>
internal sealed class GuestConnection
{
    public Channel<ServerFrame> Outbox { get; } = Channel.CreateUnbounded<ServerFrame>(new UnboundedChannelOptions { SingleReader = true });
    public MessagingSession? Session { get; set; }

    public void Send(ServerFrame frame) => Outbox.Writer.TryWrite(frame);
}
