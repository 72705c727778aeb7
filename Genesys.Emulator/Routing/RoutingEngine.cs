using Microsoft.Extensions.Options;
using VideoEngager.Genesys.Emulator.Callbacks;
using VideoEngager.Genesys.Emulator.Desktop;

namespace VideoEngager.Genesys.Emulator.Routing;

/// <summary>
/// Decides which agent is offered which callback. A callback waits until its scheduled time, then goes to an
/// available, idle agent of its queue who has all its skills (and its language): higher priority first, then the
/// one longest in queue. An offer that is declined or times out goes to the next eligible agent.
/// Everything happens under one lock; agent notices are published after it is released.
/// </summary>
internal sealed class RoutingEngine(
    RoutingDirectory directory,
    AgentEventHub events,
    TimeProvider time,
    IOptions<RoutingOptions> options,
    ILogger<RoutingEngine> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, Callback> _callbacks = [];
    /// <summary>When each agent last finished with an offer or conversation; the longest idle is offered first.</summary>
    private readonly Dictionary<Guid, DateTimeOffset> _idleSince = [];
    /// <summary>Callbacks whose state changed under the lock; announced by <see cref="Changed"/> once it is released.</summary>
    private readonly HashSet<Guid> _changed = [];
    private readonly Lock _announceLock = new();
    private long _sequence;

    /// <summary>Every change of a callback's state or participants, after the engine's lock is released.</summary>
    public event Action<CallbackSnapshot>? Changed;

    public CallbackSnapshot Create(NewCallback request) => CreateOn(Guid.NewGuid(), request)!;

    /// <summary>
    /// A callback on the conversation <paramref name="conversationId"/> (a new one, or a chat it is added to), or null
    /// while that conversation already has a callback that has not ended. One that has ended is replaced.
    /// </summary>
    public CallbackSnapshot? CreateOn(Guid conversationId, NewCallback request)
    {
        var outbox = new List<(Guid AgentId, AgentNotice Notice)>();
        CallbackSnapshot snapshot;
        lock (_lock)
        {
            if (_callbacks.TryGetValue(conversationId, out var existing) && existing.Status != CallbackStatus.Disconnected)
            {
                return null;
            }
            var now = time.GetUtcNow();
            var callback = new Callback
            {
                Id = conversationId,
                AcdCallbackId = Guid.NewGuid(),
                ExternalCallbackId = Guid.NewGuid(),
                CustomerParticipantId = Guid.NewGuid(),
                AcdParticipantId = Guid.NewGuid(),
                Sequence = ++_sequence,
                CreatedAt = now,
                Request = request,
                Status = CallbackStatus.Scheduled,
            };
            _callbacks[callback.Id] = callback;
            _changed.Add(callback.Id);
            EmulatorLog.CallbackCreated(logger, callback.Id, request.QueueId, request.ScheduledTime);
            RouteLocked(now, outbox);
            snapshot = CallbackSnapshot.Of(callback);
        }
        Publish(outbox);
        return snapshot;
    }

    public CallbackSnapshot? Find(Guid conversationId)
    {
        lock (_lock)
        {
            return _callbacks.TryGetValue(conversationId, out var callback) ? CallbackSnapshot.Of(callback) : null;
        }
    }

    public IReadOnlyList<CallbackSnapshot> List()
    {
        lock (_lock)
        {
            return [.. _callbacks.Values.OrderBy(c => c.Sequence).Select(CallbackSnapshot.Of)];
        }
    }

    /// <summary>Moves a callback to a new time (and optionally queue or agent); an outstanding offer is withdrawn.</summary>
    public EngineResult Reschedule(Guid conversationId, DateTimeOffset? scheduledTime, Guid? queueId, Guid? agentId)
    {
        var outbox = new List<(Guid AgentId, AgentNotice Notice)>();
        EngineResult result;
        lock (_lock)
        {
            if (!_callbacks.TryGetValue(conversationId, out var callback))
            {
                return EngineResult.NotFound($"Callback conversation {conversationId} was not found.");
            }
            if (callback.Status is CallbackStatus.Connected or CallbackStatus.Disconnected)
            {
                return EngineResult.Conflict(
                    $"Callback conversation {conversationId} is {callback.Status.ToString().ToLowerInvariant()} and can no longer be rescheduled.");
            }
            var now = time.GetUtcNow();
            WithdrawOfferLocked(callback, now, "rescheduled", outbox);
            callback.Request = callback.Request with
            {
                ScheduledTime = scheduledTime,
                QueueId = queueId ?? callback.Request.QueueId,
            };
            callback.AssignedAgentId = agentId ?? callback.AssignedAgentId;
            callback.Status = CallbackStatus.Scheduled;
            _changed.Add(callback.Id);
            EmulatorLog.CallbackRescheduled(logger, conversationId, callback.Request.QueueId, scheduledTime);
            RouteLocked(now, outbox);
            result = EngineResult.Ok(CallbackSnapshot.Of(callback));
        }
        Publish(outbox);
        return result;
    }

    /// <summary>Ends the callback whatever its state; disconnecting an ended one changes nothing.</summary>
    public EngineResult Disconnect(Guid conversationId, Guid? callbackId)
    {
        var outbox = new List<(Guid AgentId, AgentNotice Notice)>();
        EngineResult result;
        lock (_lock)
        {
            if (!_callbacks.TryGetValue(conversationId, out var callback))
            {
                return EngineResult.NotFound($"Callback conversation {conversationId} was not found.");
            }
            if (callbackId is { } id && id != callback.AcdCallbackId && id != callback.ExternalCallbackId)
            {
                return EngineResult.Conflict($"Callback {callbackId} does not belong to conversation {conversationId}.");
            }
            var now = time.GetUtcNow();
            EndLocked(callback, now, "disconnected", outbox);
            RouteLocked(now, outbox);
            result = EngineResult.Ok(CallbackSnapshot.Of(callback));
        }
        Publish(outbox);
        return result;
    }

    public EngineResult Accept(Guid conversationId, Guid agentId)
    {
        var outbox = new List<(Guid AgentId, AgentNotice Notice)>();
        EngineResult result;
        lock (_lock)
        {
            if (!_callbacks.TryGetValue(conversationId, out var callback))
            {
                return EngineResult.NotFound($"Callback conversation {conversationId} was not found.");
            }
            if (OfferedLeg(callback, agentId) is not { } leg)
            {
                return EngineResult.Conflict($"Callback conversation {conversationId} is not offered to this agent.");
            }
            leg.State = ParticipantState.Connected;
            leg.ConnectedAt = time.GetUtcNow();
            callback.Status = CallbackStatus.Connected;
            _changed.Add(callback.Id);
            EmulatorLog.OfferAccepted(logger, conversationId, agentId);
            outbox.Add((agentId, new AgentNotice(AgentNotice.Connected, conversationId, AgentUrl: callback.Request.AgentUrl)));
            result = EngineResult.Ok(CallbackSnapshot.Of(callback));
        }
        Publish(outbox);
        return result;
    }

    public EngineResult Decline(Guid conversationId, Guid agentId)
    {
        var outbox = new List<(Guid AgentId, AgentNotice Notice)>();
        EngineResult result;
        lock (_lock)
        {
            if (!_callbacks.TryGetValue(conversationId, out var callback))
            {
                return EngineResult.NotFound($"Callback conversation {conversationId} was not found.");
            }
            if (OfferedLeg(callback, agentId) is null)
            {
                return EngineResult.Conflict($"Callback conversation {conversationId} is not offered to this agent.");
            }
            var now = time.GetUtcNow();
            EmulatorLog.OfferDeclined(logger, conversationId, agentId);
            WithdrawOfferLocked(callback, now, "declined", outbox);
            callback.Refused.Add(agentId);
            RouteLocked(now, outbox);
            result = EngineResult.Ok(CallbackSnapshot.Of(callback));
        }
        Publish(outbox);
        return result;
    }

    /// <summary>The agent hangs up a connected callback.</summary>
    public EngineResult Hangup(Guid conversationId, Guid agentId)
    {
        var outbox = new List<(Guid AgentId, AgentNotice Notice)>();
        EngineResult result;
        lock (_lock)
        {
            if (!_callbacks.TryGetValue(conversationId, out var callback))
            {
                return EngineResult.NotFound($"Callback conversation {conversationId} was not found.");
            }
            if (callback.ActiveLeg is not { State: ParticipantState.Connected } leg || leg.AgentId != agentId)
            {
                return EngineResult.Conflict($"Callback conversation {conversationId} is not connected to this agent.");
            }
            var now = time.GetUtcNow();
            EndLocked(callback, now, "agent disconnected", outbox);
            // The agent is free again: the next waiting callback need not wait for a tick.
            RouteLocked(now, outbox);
            result = EngineResult.Ok(CallbackSnapshot.Of(callback));
        }
        Publish(outbox);
        return result;
    }

    /// <summary>Changes an agent's presence; leaving Available withdraws an offer that is still alerting.</summary>
    public Agent? SetPresence(Guid agentId, Presence presence)
    {
        var outbox = new List<(Guid AgentId, AgentNotice Notice)>();
        Agent? agent;
        lock (_lock)
        {
            agent = directory.SetPresence(agentId, presence);
            if (agent is null)
            {
                return null;
            }
            var now = time.GetUtcNow();
            if (presence != Presence.Available)
            {
                foreach (var callback in _callbacks.Values.Where(c => c.Status == CallbackStatus.Offered && c.ActiveLeg?.AgentId == agentId))
                {
                    WithdrawOfferLocked(callback, now, "agent not available", outbox);
                }
            }
            outbox.Add((agentId, new AgentNotice(AgentNotice.PresenceChanged, Presence: presence)));
            RouteLocked(now, outbox);
        }
        Publish(outbox);
        return agent;
    }

    /// <summary>What a desktop that connects now should show: offers alerting it and conversations it is on.</summary>
    public IReadOnlyList<AgentNotice> CurrentNotices(Guid agentId)
    {
        lock (_lock)
        {
            var notices = new List<AgentNotice>();
            foreach (var callback in _callbacks.Values.OrderBy(c => c.Sequence))
            {
                if (callback.ActiveLeg is not { } leg || leg.AgentId != agentId)
                {
                    continue;
                }
                notices.Add(leg.State == ParticipantState.Alerting
                    ? new AgentNotice(AgentNotice.Offered, callback.Id, Offer: OfferOf(callback, leg))
                    : new AgentNotice(AgentNotice.Connected, callback.Id, AgentUrl: callback.Request.AgentUrl));
            }
            return notices;
        }
    }

    /// <summary>Expires offers and routes due callbacks; the background ticker calls this a few times a second.</summary>
    public void Tick()
    {
        var outbox = new List<(Guid AgentId, AgentNotice Notice)>();
        lock (_lock)
        {
            RouteLocked(time.GetUtcNow(), outbox);
        }
        Publish(outbox);
    }

    private void RouteLocked(DateTimeOffset now, List<(Guid AgentId, AgentNotice Notice)> outbox)
    {
        foreach (var callback in _callbacks.Values)
        {
            if (callback.Status == CallbackStatus.Offered && callback.ActiveLeg is { } leg && leg.ExpiresAt <= now)
            {
                EmulatorLog.OfferTimedOut(logger, callback.Id, leg.AgentId);
                WithdrawOfferLocked(callback, now, "timeout", outbox);
                callback.Refused.Add(leg.AgentId);
            }
            if (callback.Status == CallbackStatus.Scheduled && (callback.Request.ScheduledTime ?? now) <= now)
            {
                callback.Status = CallbackStatus.Waiting;
                _changed.Add(callback.Id);
            }
        }

        var waiting = _callbacks.Values
            .Where(c => c.Status == CallbackStatus.Waiting)
            .OrderByDescending(c => c.Request.Priority)
            .ThenBy(c => c.WaitingSince)
            .ThenBy(c => c.Sequence)
            .ToList();
        if (waiting.Count == 0)
        {
            return;
        }

        var engaged = _callbacks.Values.Select(c => c.ActiveLeg?.AgentId).OfType<Guid>().ToHashSet();
        var free = directory.Agents().Where(a => a.Presence == Presence.Available && !engaged.Contains(a.Id)).ToList();
        foreach (var callback in waiting)
        {
            if (free.Count == 0)
            {
                return;
            }
            if (ChooseAgent(callback, free) is not { } agent)
            {
                continue;
            }
            free.Remove(agent);
            var leg = new AgentLeg
            {
                ParticipantId = Guid.NewGuid(),
                AgentId = agent.Id,
                OfferedAt = now,
                ExpiresAt = now + options.Value.OfferTimeout,
            };
            callback.AgentLegs.Add(leg);
            callback.Status = CallbackStatus.Offered;
            _changed.Add(callback.Id);
            EmulatorLog.CallbackOffered(logger, callback.Id, agent.Id);
            outbox.Add((agent.Id, new AgentNotice(AgentNotice.Offered, callback.Id, Offer: OfferOf(callback, leg))));
        }
    }

    private Agent? ChooseAgent(Callback callback, List<Agent> free)
    {
        var request = callback.Request;
        if (callback.AssignedAgentId is { } assigned)
        {
            // A callback rescheduled to a named agent waits for that agent alone, whatever the queue and skills.
            return free.FirstOrDefault(a => a.Id == assigned);
        }
        var eligible = free
            .Where(a => a.QueueIds.Contains(request.QueueId)
                && request.SkillIds.All(a.SkillIds.Contains)
                && (request.LanguageId is not { } language || a.LanguageIds.Contains(language)))
            .ToList();
        // Someone who refused it is asked again only when no one else can take it.
        var fresh = eligible.Where(a => !callback.Refused.Contains(a.Id)).ToList();
        return (fresh.Count > 0 ? fresh : eligible)
            .OrderByDescending(a => request.PreferredAgentIds.Contains(a.Id))
            .ThenBy(a => _idleSince.GetValueOrDefault(a.Id, DateTimeOffset.MinValue))
            .ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault();
    }

    private void WithdrawOfferLocked(Callback callback, DateTimeOffset now, string reason, List<(Guid AgentId, AgentNotice Notice)> outbox)
    {
        if (callback.ActiveLeg is not { State: ParticipantState.Alerting } leg)
        {
            return;
        }
        leg.State = ParticipantState.Disconnected;
        _idleSince[leg.AgentId] = now;
        callback.Status = CallbackStatus.Waiting;
        _changed.Add(callback.Id);
        outbox.Add((leg.AgentId, new AgentNotice(AgentNotice.Withdrawn, callback.Id, Reason: reason)));
    }

    private void EndLocked(Callback callback, DateTimeOffset now, string reason, List<(Guid AgentId, AgentNotice Notice)> outbox)
    {
        if (callback.Status == CallbackStatus.Disconnected)
        {
            return;
        }
        if (callback.ActiveLeg is { } leg)
        {
            var wasConnected = leg.State == ParticipantState.Connected;
            leg.State = ParticipantState.Disconnected;
            _idleSince[leg.AgentId] = now;
            outbox.Add((leg.AgentId, new AgentNotice(wasConnected ? AgentNotice.Ended : AgentNotice.Withdrawn, callback.Id, Reason: reason)));
        }
        callback.Status = CallbackStatus.Disconnected;
        callback.EndedAt = now;
        _changed.Add(callback.Id);
        EmulatorLog.CallbackDisconnected(logger, callback.Id, reason);
    }

    private static AgentLeg? OfferedLeg(Callback callback, Guid agentId) =>
        callback is { Status: CallbackStatus.Offered, ActiveLeg: { State: ParticipantState.Alerting } leg } && leg.AgentId == agentId
            ? leg
            : null;

    private OfferDetails OfferOf(Callback callback, AgentLeg leg) => new(
        callback.Id,
        callback.Request.CallbackUserName,
        directory.Find(RoutingKind.Queue, callback.Request.QueueId)?.Name ?? callback.Request.QueueId.ToString(),
        callback.Request.ScheduledTime,
        leg.ExpiresAt,
        callback.Request.Priority,
        callback.Request.Data,
        callback.Request.Transcript ?? []);

    private void Publish(List<(Guid AgentId, AgentNotice Notice)> outbox)
    {
        foreach (var (agentId, notice) in outbox)
        {
            events.Publish(agentId, notice);
        }
        // Drained and announced under one lock of its own, so listeners hear a callback's states in order.
        lock (_announceLock)
        {
            List<CallbackSnapshot> changed;
            lock (_lock)
            {
                if (_changed.Count == 0)
                {
                    return;
                }
                changed = [.. _changed.Select(id => CallbackSnapshot.Of(_callbacks[id]))];
                _changed.Clear();
            }
            foreach (var callback in changed)
            {
                Changed?.Invoke(callback);
            }
        }
    }
}
