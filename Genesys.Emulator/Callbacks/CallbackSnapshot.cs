namespace VideoEngager.Genesys.Emulator.Callbacks;

/// <summary>An immutable copy of a callback taken under the engine's lock, safe to serialise anywhere.</summary>
internal sealed record CallbackSnapshot(
    Guid Id,
    Guid AcdCallbackId,
    Guid ExternalCallbackId,
    NewCallback Request,
    CallbackStatus Status,
    DateTimeOffset CreatedAt,
    Guid? AssignedAgentId,
    IReadOnlyList<ParticipantSnapshot> Participants,
    DateTimeOffset? EndedAt = null)
{
    /// <summary>The agent currently alerted or connected, if any.</summary>
    public Guid? ActiveAgentId => Participants
        .LastOrDefault(p => p.Purpose == ParticipantPurpose.Agent && p.State is ParticipantState.Alerting or ParticipantState.Connected)
        ?.UserId;

    public static CallbackSnapshot Of(Callback callback)
    {
        // Before any agent connects, the ACD participant mirrors where the callback is: scheduled, in queue, alerting.
        var acdState = callback.Status switch
        {
            CallbackStatus.Scheduled => ParticipantState.Scheduled,
            CallbackStatus.Waiting => ParticipantState.Connected,
            CallbackStatus.Offered => ParticipantState.Alerting,
            _ => ParticipantState.Disconnected,
        };
        var customerState = callback.Status == CallbackStatus.Disconnected ? ParticipantState.Disconnected : ParticipantState.Connected;
        List<ParticipantSnapshot> participants =
        [
            new(callback.CustomerParticipantId, ParticipantPurpose.Customer, customerState, null),
            new(callback.AcdParticipantId, ParticipantPurpose.Acd, acdState, null),
            .. callback.AgentLegs.Select(l => new ParticipantSnapshot(l.ParticipantId, ParticipantPurpose.Agent, l.State, l.AgentId)),
        ];
        return new(callback.Id, callback.AcdCallbackId, callback.ExternalCallbackId, callback.Request, callback.Status,
            callback.CreatedAt, callback.AssignedAgentId, participants, callback.EndedAt);
    }
}

internal enum ParticipantPurpose
{
    Customer,
    Acd,
    Agent,
}

internal sealed record ParticipantSnapshot(Guid Id, ParticipantPurpose Purpose, ParticipantState State, Guid? UserId);
