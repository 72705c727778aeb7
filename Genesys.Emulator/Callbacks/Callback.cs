namespace VideoEngager.Genesys.Emulator.Callbacks;

internal enum CallbackStatus
{
    /// <summary>Its scheduled time has not come.</summary>
    Scheduled,
    /// <summary>Due, in queue, no eligible agent free yet.</summary>
    Waiting,
    Offered,
    Connected,
    Disconnected,
}

/// <summary>A callback conversation's live state. Only the routing engine touches it, under its lock.</summary>
internal sealed class Callback
{
    public required Guid Id { get; init; }
    public required Guid AcdCallbackId { get; init; }
    public required Guid ExternalCallbackId { get; init; }
    public required Guid CustomerParticipantId { get; init; }
    public required Guid AcdParticipantId { get; init; }
    public required long Sequence { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required NewCallback Request { get; set; }
    public CallbackStatus Status { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Set by a reschedule naming an agent: only that agent is offered the callback.</summary>
    public Guid? AssignedAgentId { get; set; }
    public List<AgentLeg> AgentLegs { get; } = [];
    /// <summary>Agents who declined or let the offer time out; they are asked again only when no one else can take it.</summary>
    public HashSet<Guid> Refused { get; } = [];

    /// <summary>When it joined the queue: "oldest first" means longest in queue, not earliest created.</summary>
    public DateTimeOffset WaitingSince =>
        Request.ScheduledTime is { } at && at > CreatedAt ? at : CreatedAt;

    public AgentLeg? ActiveLeg => AgentLegs.LastOrDefault(l => l.State is ParticipantState.Alerting or ParticipantState.Connected);
}

internal sealed class AgentLeg
{
    public required Guid ParticipantId { get; init; }
    public required Guid AgentId { get; init; }
    public required DateTimeOffset OfferedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    public ParticipantState State { get; set; } = ParticipantState.Alerting;
    public DateTimeOffset? ConnectedAt { get; set; }
}

/// <summary>The platform's participant states that a callback goes through here.</summary>
internal enum ParticipantState
{
    Scheduled,
    Alerting,
    Connected,
    Disconnected,
}
