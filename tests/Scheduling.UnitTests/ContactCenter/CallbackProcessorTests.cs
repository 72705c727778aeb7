using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.ContactCenter;
using VideoEngager.Scheduling.Outbox;

namespace VideoEngager.Scheduling.UnitTests.ContactCenter;

/// <summary>What each contact-center message does to the booking's callback, with a scripted contact center.</summary>
public sealed class CallbackProcessorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Slot = new(2026, 12, 3, 10, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly ScriptedContactCenter _contactCenter = new();
    private readonly CallbackProcessor _processor;

    public CallbackProcessorTests() => _processor = new CallbackProcessor(
        _contactCenter,
        new BookingLinks("https://edge.example/"),
        _clock,
        Options.Create(new DispatchOptions()),
        NullLogger<CallbackProcessor>.Instance);

    [Fact]
    public async Task A_create_sends_routing_by_name_the_visitor_and_the_agents_data()
    {
        var booking = Booking(conversationId: "chat-1");

        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate), booking, Token);

        var done = Assert.IsType<DispatchOutcome.Done>(outcome);
        Assert.Equal(new CallbackState("conv-1", CallbackStatus.Scheduled, null, "acd-1"), done.Callback);
        var request = Assert.Single(_contactCenter.Created);
        Assert.Equal(("VIP-Video-Q", 5, "ar", "Fatima Al-Ali", "+971501234567", (DateTimeOffset?)Slot),
            (request.QueueName, request.Priority, request.Language, request.CustomerName, request.PhoneNumber, request.ScheduledTime));
        Assert.Equal(["Arabic", "Video"], request.SkillNames);
        Assert.Equal("Post-paid", request.Data["productLine"]);
        Assert.Equal(booking.Id, request.Data["bookingId"]);
        Assert.Equal($"https://edge.example/rooms/{booking.Id}?token=agent-token", request.Data["agentUrl"]);
        Assert.Equal("chat-1", request.Data["messagingConversationId"]);
    }

    [Fact]
    public async Task A_video_leg_for_a_chat_is_added_to_the_chats_conversation()
    {
        var booking = Booking(immediate: true, conversationId: "chat-1", participantId: "guest-1");

        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate), booking, Token);

        Assert.Equal([("chat-1", "guest-1")], _contactCenter.AddedToChats);
        Assert.Equal("chat-1", Assert.IsType<DispatchOutcome.Done>(outcome).Callback!.CallbackId);
        Assert.Null(Assert.Single(_contactCenter.Created).ScheduledTime);
    }

    [Fact]
    public async Task An_immediate_booking_asks_for_a_callback_now()
    {
        await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate), Booking(immediate: true), Token);

        Assert.Null(Assert.Single(_contactCenter.Created).ScheduledTime);
        Assert.False(_contactCenter.Created[0].Data.ContainsKey("messagingConversationId"));
    }

    [Fact]
    public async Task A_stored_conversation_that_exists_is_not_created_again()
    {
        _contactCenter.Existing.Add("conv-9");

        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate), Booking(callbackId: "conv-9"), Token);

        Assert.Equal(new CallbackState("conv-9", CallbackStatus.Scheduled, null), Assert.IsType<DispatchOutcome.Done>(outcome).Callback);
        Assert.Empty(_contactCenter.Created);
        Assert.Equal(["conv-9"], _contactCenter.Looked);
    }

    [Fact]
    public async Task A_booking_cancelled_before_its_callback_was_made_never_gets_one()
    {
        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate), Booking(status: BookingStatus.Cancelled), Token);

        Assert.Equal(new CallbackState(null, CallbackStatus.Cancelled, null), Assert.IsType<DispatchOutcome.Done>(outcome).Callback);
        Assert.Empty(_contactCenter.Created);
    }

    [Fact]
    public async Task A_429_is_retried_at_its_Retry_After()
    {
        _contactCenter.Failure = new ContactCenterException("Genesys create callback: 429", transient: true, status: 429,
            code: "too.many.requests", retryAfter: TimeSpan.FromSeconds(1));

        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate, attempts: 3), Booking(), Token);

        var retry = Assert.IsType<DispatchOutcome.Retry>(outcome);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(1) + RetryPolicy.RetryAfterMargin, retry.DueAt);
    }

    [Fact]
    public async Task A_permanent_error_fails_the_callback_with_the_reason()
    {
        _contactCenter.Failure = new ContactCenterException("Genesys create callback: 403 missing.any.permissions: no", transient: false, status: 403);

        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate), Booking(), Token);

        Assert.Contains("missing.any.permissions", Assert.IsType<DispatchOutcome.Failed>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_errors_give_up_at_the_attempt_limit()
    {
        _contactCenter.Failure = new ContactCenterException("503", transient: true, status: 503);

        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate, attempts: new DispatchOptions().MaxAttempts), Booking(), Token);

        Assert.StartsWith("Gave up after 20 attempts", Assert.IsType<DispatchOutcome.Failed>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reschedule_moves_the_callback_to_the_bookings_current_time()
    {
        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackUpdate, sequence: 1), Booking(callbackId: "conv-1", sequence: 1), Token);

        Assert.IsType<DispatchOutcome.Done>(outcome);
        Assert.Equal([("conv-1", Slot)], _contactCenter.Moved);
    }

    [Fact]
    public async Task A_superseded_reschedule_or_one_without_a_callback_does_nothing()
    {
        await _processor.ProcessAsync(Message(OutboxKinds.CallbackUpdate, sequence: 1), Booking(callbackId: "conv-1", sequence: 2), Token);
        var failedCreate = await _processor.ProcessAsync(Message(OutboxKinds.CallbackUpdate, sequence: 1),
            Booking(sequence: 1, callbackStatus: CallbackStatus.Failed), Token);

        Assert.Empty(_contactCenter.Moved);
        Assert.Null(Assert.IsType<DispatchOutcome.Done>(failedCreate).Callback);
    }

    [Fact]
    public async Task A_cancel_disconnects_the_callback_and_one_already_gone_counts_as_cancelled()
    {
        var booking = Booking(callbackId: "conv-1", status: BookingStatus.Cancelled);
        booking.CallbackAcdId = "acd-1";
        var cancelled = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCancel), booking, Token);
        _contactCenter.Failure = new ContactCenterException("404", transient: false, status: 404);
        var gone = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCancel), Booking(callbackId: "conv-2", status: BookingStatus.Cancelled), Token);

        Assert.Equal(new CallbackState("conv-1", CallbackStatus.Cancelled, null), Assert.IsType<DispatchOutcome.Done>(cancelled).Callback);
        Assert.Equal(CallbackStatus.Cancelled, Assert.IsType<DispatchOutcome.Done>(gone).Callback!.Status);
        Assert.Equal(["conv-1"], _contactCenter.Disconnected);
        // The bulk disconnect names the ACD callback id the create answered with.
        Assert.Equal(["acd-1"], _contactCenter.DisconnectedCallbackIds);
    }

    [Fact]
    public async Task A_cancel_before_any_callback_just_marks_it_cancelled()
    {
        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCancel), Booking(status: BookingStatus.Cancelled), Token);

        Assert.Equal(new CallbackState(null, CallbackStatus.Cancelled, null), Assert.IsType<DispatchOutcome.Done>(outcome).Callback);
        Assert.Empty(_contactCenter.Disconnected);
    }

    private static readonly ContactCenterException NoAnswer = new(
        "Genesys create callback: no answer within 15 s.", transient: true, ambiguous: true);

    [Fact]
    public async Task An_unanswered_create_is_retried_marked_and_the_retry_finds_it_instead_of_creating()
    {
        _contactCenter.Failure = NoAnswer;
        var first = Assert.IsType<DispatchOutcome.Retry>(
            await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate), Booking(), Token));
        Assert.StartsWith(CallbackProcessor.AmbiguousCreateMarker, first.Reason, StringComparison.Ordinal);

        _contactCenter.Failure = null;
        _contactCenter.ByBooking["bk-1"] = "conv-7";
        _clock.Advance(first.DueAt - _clock.GetUtcNow());
        var outcome = await _processor.ProcessAsync(
            Message(OutboxKinds.CallbackCreate, attempts: 2, lastError: first.Reason), Booking(), Token);

        var done = Assert.IsType<DispatchOutcome.Done>(outcome);
        Assert.Equal(new CallbackState("conv-7", CallbackStatus.Scheduled, null), done.Callback);
        Assert.Equal(["bk-1"], _contactCenter.Searched);
        Assert.Empty(_contactCenter.Created);
    }

    [Fact]
    public async Task Nothing_found_after_an_unanswered_create_creates_it_once()
    {
        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate, attempts: 2,
            lastError: CallbackProcessor.AmbiguousCreateMarker + NoAnswer.Message), Booking(), Token);

        Assert.Equal(new CallbackState("conv-1", CallbackStatus.Scheduled, null, "acd-1"), Assert.IsType<DispatchOutcome.Done>(outcome).Callback);
        Assert.Equal(["bk-1"], _contactCenter.Searched);
        Assert.Single(_contactCenter.Created);
    }

    [Fact]
    public async Task A_retry_after_an_answered_failure_creates_without_searching()
    {
        await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate, attempts: 2,
            lastError: "Genesys create callback: 503 service.unavailable: down"), Booking(), Token);

        Assert.Empty(_contactCenter.Searched);
        Assert.Single(_contactCenter.Created);
    }

    [Fact]
    public async Task A_transient_search_failure_keeps_the_mark_and_creates_nothing()
    {
        _contactCenter.SearchFailure = new ContactCenterException("Genesys search callbacks: 429", transient: true, status: 429,
            retryAfter: TimeSpan.FromSeconds(2));

        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate, attempts: 2,
            lastError: CallbackProcessor.AmbiguousCreateMarker + NoAnswer.Message), Booking(), Token);

        var retry = Assert.IsType<DispatchOutcome.Retry>(outcome);
        Assert.StartsWith(CallbackProcessor.AmbiguousCreateMarker, retry.Reason, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(2) + RetryPolicy.RetryAfterMargin, retry.DueAt);
        Assert.Empty(_contactCenter.Created);
    }

    [Fact]
    public async Task A_refused_search_falls_back_to_creating_again()
    {
        _contactCenter.SearchFailure = new ContactCenterException("Genesys search callbacks: 400 bad.request: Search not supported.",
            transient: false, status: 400, code: "bad.request");

        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate, attempts: 2,
            lastError: CallbackProcessor.AmbiguousCreateMarker + NoAnswer.Message), Booking(), Token);

        Assert.IsType<DispatchOutcome.Done>(outcome);
        Assert.Single(_contactCenter.Created);
    }

    [Fact]
    public async Task A_callback_found_for_a_booking_cancelled_meanwhile_is_disconnected()
    {
        _contactCenter.ByBooking["bk-1"] = "conv-7";

        var outcome = await _processor.ProcessAsync(Message(OutboxKinds.CallbackCreate, attempts: 2,
            lastError: CallbackProcessor.AmbiguousCreateMarker + NoAnswer.Message), Booking(status: BookingStatus.Cancelled), Token);

        Assert.Equal(new CallbackState("conv-7", CallbackStatus.Cancelled, null), Assert.IsType<DispatchOutcome.Done>(outcome).Callback);
        Assert.Equal(["conv-7"], _contactCenter.Disconnected);
        Assert.Empty(_contactCenter.Created);
    }

    private static OutboxMessage Message(string kind, int attempts = 1, int sequence = 0, string? lastError = null) => new()
    {
        LastError = lastError,
        Id = 1,
        BookingId = "bk-1",
        Channel = OutboxChannels.ContactCenter,
        Kind = kind,
        Sequence = sequence,
        Attempts = attempts,
    };

    private static Booking Booking(string? callbackId = null, BookingStatus status = BookingStatus.Confirmed, bool immediate = false,
        int sequence = 0, string? conversationId = null, CallbackStatus callbackStatus = CallbackStatus.Pending,
        string? participantId = null) => new()
        {
            Id = "bk-1",
            TenantId = "t",
            QueueId = "VIP-Video-Q",
            Status = status,
            Immediate = immediate,
            ScheduledTime = Slot,
            Sequence = sequence,
            VisitorName = "Fatima Al-Ali",
            VisitorEmail = "fatima@example.com",
            VisitorPhone = "+971501234567",
            PreferredLang = "ar",
            Skills = ["Arabic", "Video"],
            Priority = 5,
            Attributes = new() { ["productLine"] = "Post-paid" },
            ConversationId = conversationId,
            ConversationParticipantId = participantId,
            CustomerToken = "customer-token",
            AgentToken = "agent-token",
            ManageToken = "manage-token",
            CallbackId = callbackId,
            CallbackStatus = callbackId is null ? callbackStatus : CallbackStatus.Pending,
        };

    private sealed class ScriptedContactCenter : IContactCenter
    {
        public List<CallbackRequest> Created { get; } = [];
        public List<(string, DateTimeOffset)> Moved { get; } = [];
        public List<string> Disconnected { get; } = [];
        public List<string?> DisconnectedCallbackIds { get; } = [];
        public List<string> Looked { get; } = [];
        public HashSet<string> Existing { get; } = [];
        public List<string> Searched { get; } = [];
        /// <summary>Booking id → the conversation a search finds.</summary>
        public Dictionary<string, string> ByBooking { get; } = [];
        public ContactCenterException? Failure { get; set; }
        public ContactCenterException? SearchFailure { get; set; }

        public Task<CreatedCallback> CreateCallbackAsync(CallbackRequest request, CancellationToken cancellationToken)
        {
            ThrowIfFailing();
            Created.Add(request);
            return Task.FromResult(new CreatedCallback($"conv-{Created.Count}", $"acd-{Created.Count}"));
        }

        /// <summary>Chat conversation id and guest participant id of each leg added to a chat.</summary>
        public List<(string ConversationId, string ParticipantId)> AddedToChats { get; } = [];

        public Task<CreatedCallback> CreateCallbackOnConversationAsync(
            string conversationId, string participantId, CallbackRequest request, CancellationToken cancellationToken)
        {
            ThrowIfFailing();
            Created.Add(request);
            AddedToChats.Add((conversationId, participantId));
            return Task.FromResult(new CreatedCallback(conversationId, null));
        }

        public Task<NotificationChannelInfo> CreateNotificationChannelAsync(CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<int> SubscribeToCallbacksAsync(string channelId, IReadOnlyCollection<string> queueNames, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<string?> FindConversationOfMessageAsync(string messageId, CancellationToken cancellationToken) =>
            Task.FromResult<string?>(null);

        public Task<ChatConversation?> GetChatAsync(string conversationId, CancellationToken cancellationToken) =>
            Task.FromResult<ChatConversation?>(null);

        public Task RescheduleCallbackAsync(string conversationId, DateTimeOffset scheduledTime, CancellationToken cancellationToken)
        {
            ThrowIfFailing();
            Moved.Add((conversationId, scheduledTime));
            return Task.CompletedTask;
        }

        public Task CancelCallbackAsync(string conversationId, string? callbackId, CancellationToken cancellationToken)
        {
            ThrowIfFailing();
            Disconnected.Add(conversationId);
            DisconnectedCallbackIds.Add(callbackId);
            return Task.CompletedTask;
        }

        public Task<CallbackInfo?> FindCallbackAsync(string conversationId, CancellationToken cancellationToken)
        {
            Looked.Add(conversationId);
            return Task.FromResult(Existing.Contains(conversationId)
                ? new CallbackInfo(conversationId, null, null, false, new Dictionary<string, string>())
                : null);
        }

        public Task<string?> FindCallbackIdByBookingAsync(string bookingId, CancellationToken cancellationToken)
        {
            Searched.Add(bookingId);
            if (SearchFailure is not null)
            {
                throw SearchFailure;
            }
            return Task.FromResult(ByBooking.GetValueOrDefault(bookingId));
        }

        private void ThrowIfFailing()
        {
            if (Failure is not null)
            {
                throw Failure;
            }
        }
    }
}
