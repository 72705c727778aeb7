using VideoEngager.Genesys.Emulator.Callbacks;
using VideoEngager.Genesys.Emulator.Desktop;
using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.UnitTests.Routing;

public sealed class RoutingEngineTests
{
    private readonly EngineHarness _h = new();

    [Fact]
    public void A_callback_for_now_is_offered_at_once_to_an_available_agent_with_all_its_skills()
    {
        var layla = _h.AddAgent("Layla", [_h.Arabic, _h.Video]);

        var callback = _h.AddCallback([_h.Arabic, _h.Video]);

        Assert.Equal(layla, _h.OfferedTo(callback.Id));
        var participants = _h.Get(callback.Id).Participants;
        Assert.Equal(ParticipantState.Alerting, participants.Single(p => p.Purpose == ParticipantPurpose.Acd).State);
        Assert.Equal(ParticipantState.Alerting, participants.Single(p => p.Purpose == ParticipantPurpose.Agent).State);
    }

    [Fact]
    public void A_scheduled_callback_waits_until_its_time()
    {
        var layla = _h.AddAgent("Layla", [_h.Arabic, _h.Video]);
        var callback = _h.AddCallback([_h.Arabic], scheduledTime: _h.Time.GetUtcNow().AddMinutes(10));

        _h.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(CallbackStatus.Scheduled, _h.Get(callback.Id).Status);
        Assert.Equal(ParticipantState.Scheduled, _h.Get(callback.Id).Participants.Single(p => p.Purpose == ParticipantPurpose.Acd).State);

        _h.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(layla, _h.OfferedTo(callback.Id));
    }

    [Fact]
    public void An_agent_missing_one_skill_is_never_offered_and_the_callback_waits_in_queue()
    {
        _h.AddAgent("James", [_h.English, _h.Video]);

        var callback = _h.AddCallback([_h.Arabic, _h.Video]);
        _h.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(CallbackStatus.Waiting, _h.Get(callback.Id).Status);
        Assert.Equal(ParticipantState.Connected, _h.Get(callback.Id).Participants.Single(p => p.Purpose == ParticipantPurpose.Acd).State);
        Assert.DoesNotContain(_h.Get(callback.Id).Participants, p => p.Purpose == ParticipantPurpose.Agent);
    }

    [Fact]
    public void A_language_is_required_like_a_skill()
    {
        var speaker = _h.AddAgent("Layla", [_h.Video], languages: [_h.ArabicLanguage]);
        _h.AddAgent("James", [_h.Video], presence: Presence.Available);

        var callback = _h.AddCallback([_h.Video], languageId: _h.ArabicLanguage);

        Assert.Equal(speaker, _h.OfferedTo(callback.Id));
    }

    [Fact]
    public void Agents_who_are_busy_offline_or_in_another_queue_are_not_offered()
    {
        _h.AddAgent("Busy", [_h.Video], Presence.Busy);
        _h.AddAgent("Offline", [_h.Video], Presence.Offline);
        _h.AddAgent("Elsewhere", [_h.Video], queueId: _h.Directory.TryAdd(RoutingKind.Queue, "Other-Q")!.Id);

        var callback = _h.AddCallback([_h.Video]);

        Assert.Equal(CallbackStatus.Waiting, _h.Get(callback.Id).Status);
    }

    [Fact]
    public void Higher_priority_goes_first_then_the_one_longest_in_queue()
    {
        var callbacks = new[]
        {
            _h.AddCallback([_h.Video], priority: 1),
            _h.AddCallback([_h.Video], priority: 9),
        };
        _h.Advance(TimeSpan.FromSeconds(1));
        var laterSamePriority = _h.AddCallback([_h.Video], priority: 9);

        var first = _h.AddAgent("First", [_h.Video]);
        _h.Engine.Tick();
        Assert.Equal(first, _h.OfferedTo(callbacks[1].Id));

        var second = _h.AddAgent("Second", [_h.Video]);
        _h.Engine.Tick();
        Assert.Equal(second, _h.OfferedTo(laterSamePriority.Id));

        var third = _h.AddAgent("Third", [_h.Video]);
        _h.Engine.Tick();
        Assert.Equal(third, _h.OfferedTo(callbacks[0].Id));
    }

    [Fact]
    public void A_callback_scheduled_earlier_but_created_later_counts_its_age_from_when_it_became_due()
    {
        var dueLater = _h.AddCallback([_h.Video], scheduledTime: _h.Time.GetUtcNow().AddMinutes(5));
        _h.Advance(TimeSpan.FromMinutes(1));
        var immediate = _h.AddCallback([_h.Video]);
        _h.Advance(TimeSpan.FromMinutes(5));

        var agent = _h.AddAgent("Layla", [_h.Video]);
        _h.Engine.Tick();

        Assert.Equal(agent, _h.OfferedTo(immediate.Id));
        Assert.Null(_h.OfferedTo(dueLater.Id));
    }

    [Fact]
    public void An_offer_that_times_out_goes_to_the_next_eligible_agent()
    {
        var first = _h.AddAgent("Amal", [_h.Video]);
        var callback = _h.AddCallback([_h.Video]);
        Assert.Equal(first, _h.OfferedTo(callback.Id));
        var second = _h.AddAgent("Basma", [_h.Video]);

        _h.Advance(EngineHarness.OfferTimeout - TimeSpan.FromSeconds(1));
        Assert.Equal(first, _h.OfferedTo(callback.Id));

        _h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(second, _h.OfferedTo(callback.Id));
        var legs = _h.Get(callback.Id).Participants.Where(p => p.Purpose == ParticipantPurpose.Agent).ToList();
        Assert.Equal([ParticipantState.Disconnected, ParticipantState.Alerting], legs.Select(l => l.State));
    }

    [Fact]
    public void A_declined_offer_goes_to_someone_else_and_back_to_the_decliner_only_when_no_one_else_can_take_it()
    {
        var amal = _h.AddAgent("Amal", [_h.Video]);
        var basma = _h.AddAgent("Basma", [_h.Video]);
        var callback = _h.AddCallback([_h.Video]);
        Assert.Equal(amal, _h.OfferedTo(callback.Id));

        Assert.Equal(EngineOutcome.Ok, _h.Engine.Decline(callback.Id, amal).Outcome);
        Assert.Equal(basma, _h.OfferedTo(callback.Id));

        Assert.Equal(EngineOutcome.Ok, _h.Engine.Decline(callback.Id, basma).Outcome);
        var again = _h.OfferedTo(callback.Id);
        Assert.True(again == amal || again == basma);
    }

    [Fact]
    public void The_sole_eligible_agent_is_offered_again_after_declining()
    {
        var amal = _h.AddAgent("Amal", [_h.Video]);
        var callback = _h.AddCallback([_h.Video]);

        _h.Engine.Decline(callback.Id, amal);

        Assert.Equal(amal, _h.OfferedTo(callback.Id));
    }

    [Fact]
    public void Accepting_connects_the_agent_and_frees_the_queue_participant()
    {
        var amal = _h.AddAgent("Amal", [_h.Video]);
        var callback = _h.AddCallback([_h.Video]);

        var result = _h.Engine.Accept(callback.Id, amal);

        Assert.Equal(EngineOutcome.Ok, result.Outcome);
        Assert.Equal(CallbackStatus.Connected, result.Callback!.Status);
        Assert.Equal(ParticipantState.Connected, result.Callback.Participants.Single(p => p.Purpose == ParticipantPurpose.Agent).State);
        Assert.Equal(ParticipantState.Disconnected, result.Callback.Participants.Single(p => p.Purpose == ParticipantPurpose.Acd).State);
        Assert.Equal("https://agent.example/room/1", result.Callback.Request.AgentUrl);

        // An agent on a conversation is not offered another; the timeout no longer applies to an accepted one.
        var next = _h.AddCallback([_h.Video]);
        _h.Advance(EngineHarness.OfferTimeout * 2);
        Assert.Equal(CallbackStatus.Waiting, _h.Get(next.Id).Status);
        Assert.Equal(CallbackStatus.Connected, _h.Get(callback.Id).Status);

        Assert.Equal(EngineOutcome.Ok, _h.Engine.Hangup(callback.Id, amal).Outcome);
        Assert.All(_h.Get(callback.Id).Participants, p => Assert.Equal(ParticipantState.Disconnected, p.State));
        Assert.Equal(amal, _h.OfferedTo(next.Id));
    }

    [Fact]
    public void Only_the_alerted_agent_can_accept_and_not_after_the_offer_expired()
    {
        var amal = _h.AddAgent("Amal", [_h.Video]);
        var callback = _h.AddCallback([_h.Video]);
        var stranger = _h.AddAgent("Zed", [_h.English]);

        Assert.Equal(EngineOutcome.Conflict, _h.Engine.Accept(callback.Id, stranger).Outcome);
        Assert.Equal(EngineOutcome.NotFound, _h.Engine.Accept(Guid.NewGuid(), amal).Outcome);

        _h.Engine.SetPresence(amal, Presence.Offline);
        Assert.Equal(EngineOutcome.Conflict, _h.Engine.Accept(callback.Id, amal).Outcome);
    }

    [Fact]
    public void Going_offline_withdraws_an_offer_and_coming_back_gets_it_again()
    {
        var amal = _h.AddAgent("Amal", [_h.Video]);
        var callback = _h.AddCallback([_h.Video]);

        _h.Engine.SetPresence(amal, Presence.Offline);
        Assert.Equal(CallbackStatus.Waiting, _h.Get(callback.Id).Status);

        _h.Engine.SetPresence(amal, Presence.Available);
        Assert.Equal(amal, _h.OfferedTo(callback.Id));
    }

    [Fact]
    public void Disconnecting_ends_every_participant_and_tells_the_alerted_agent()
    {
        var amal = _h.AddAgent("Amal", [_h.Video]);
        using var desktop = _h.Events.Subscribe(amal);
        var callback = _h.AddCallback([_h.Video]);

        var result = _h.Engine.Disconnect(callback.Id, callback.AcdCallbackId);

        Assert.Equal(EngineOutcome.Ok, result.Outcome);
        Assert.All(result.Callback!.Participants, p => Assert.Equal(ParticipantState.Disconnected, p.State));
        Assert.True(desktop.Reader.TryRead(out var offer));
        Assert.Equal(AgentNotice.Offered, offer.Type);
        Assert.Equal("Fatima Al-Ali", offer.Offer!.CustomerName);
        Assert.True(desktop.Reader.TryRead(out var withdrawn));
        Assert.Equal(AgentNotice.Withdrawn, withdrawn.Type);

        // A second disconnect changes nothing; a callback id from another conversation is refused.
        Assert.Equal(EngineOutcome.Ok, _h.Engine.Disconnect(callback.Id, null).Outcome);
        Assert.Equal(EngineOutcome.Conflict, _h.Engine.Disconnect(callback.Id, Guid.NewGuid()).Outcome);
    }

    [Fact]
    public void Rescheduling_withdraws_the_offer_and_waits_for_the_new_time()
    {
        var amal = _h.AddAgent("Amal", [_h.Video]);
        var callback = _h.AddCallback([_h.Video]);
        Assert.Equal(amal, _h.OfferedTo(callback.Id));

        var later = _h.Time.GetUtcNow().AddHours(1);
        var result = _h.Engine.Reschedule(callback.Id, later, null, null);

        Assert.Equal(EngineOutcome.Ok, result.Outcome);
        Assert.Equal(CallbackStatus.Scheduled, result.Callback!.Status);
        Assert.Equal(later, result.Callback.Request.ScheduledTime);
        _h.Advance(TimeSpan.FromMinutes(59));
        Assert.Null(_h.OfferedTo(callback.Id));
        _h.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(amal, _h.OfferedTo(callback.Id));
    }

    [Fact]
    public void Rescheduling_to_an_agent_offers_it_to_that_agent_only_even_outside_the_queue()
    {
        _h.AddAgent("Amal", [_h.Video]);
        var basma = _h.AddAgent("Basma", [], Presence.Busy, queueId: _h.Directory.TryAdd(RoutingKind.Queue, "Personal-Q")!.Id);
        var callback = _h.AddCallback([_h.Video], scheduledTime: _h.Time.GetUtcNow().AddHours(1));

        _h.Engine.Reschedule(callback.Id, _h.Time.GetUtcNow(), null, basma);
        Assert.Null(_h.OfferedTo(callback.Id));

        _h.Engine.SetPresence(basma, Presence.Available);
        Assert.Equal(basma, _h.OfferedTo(callback.Id));
    }

    [Fact]
    public void A_connected_or_ended_callback_cannot_be_rescheduled()
    {
        var amal = _h.AddAgent("Amal", [_h.Video]);
        var callback = _h.AddCallback([_h.Video]);
        _h.Engine.Accept(callback.Id, amal);

        Assert.Equal(EngineOutcome.Conflict, _h.Engine.Reschedule(callback.Id, _h.Time.GetUtcNow(), null, null).Outcome);
        Assert.Equal(EngineOutcome.NotFound, _h.Engine.Reschedule(Guid.NewGuid(), null, null, null).Outcome);
    }

    [Fact]
    public void Preferred_agents_are_offered_first_otherwise_the_longest_idle()
    {
        var amal = _h.AddAgent("Amal", [_h.Video]);
        var basma = _h.AddAgent("Basma", [_h.Video]);

        var preferred = _h.AddCallback([_h.Video], preferredAgents: [basma]);
        Assert.Equal(basma, _h.OfferedTo(preferred.Id));

        _h.Engine.Accept(preferred.Id, basma);
        _h.Engine.Hangup(preferred.Id, basma);
        var next = _h.AddCallback([_h.Video]);
        Assert.Equal(amal, _h.OfferedTo(next.Id));
    }

    [Fact]
    public void A_desktop_that_connects_late_is_shown_the_offer_it_missed()
    {
        var amal = _h.AddAgent("Amal", [_h.Video]);
        var callback = _h.AddCallback([_h.Video]);

        var notice = Assert.Single(_h.Engine.CurrentNotices(amal));

        Assert.Equal(AgentNotice.Offered, notice.Type);
        Assert.Equal(callback.Id, notice.ConversationId);
        Assert.Equal("VIP-Video-Q", notice.Offer!.QueueName);
        Assert.Equal(_h.Time.GetUtcNow() + EngineHarness.OfferTimeout, notice.Offer.ExpiresAt);
    }
}
