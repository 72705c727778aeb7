using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;
using StackExchange.Redis;
using VideoEngager.Notifications;
using VideoEngager.Notifications.V1;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.ContactCenter;
using VideoEngager.Scheduling.Escalations;
using VideoEngager.Scheduling.Holds;
using VideoEngager.Scheduling.Interactions;
using VideoEngager.Scheduling.Outbox;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.Queues;
using VideoEngager.Scheduling.V1;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.Bookings;

/// <summary>Creates, cancels and reschedules bookings. PostgreSQL is the only guard against overbooking.</summary>
internal sealed class BookingCommands(
    SchedulingDbContext db,
    QueueSnapshots snapshots,
    SlotHolds holds,
    BookingReplies replies,
    BookingLinks links,
    CallbackDispatch callbacks,
    DispatchSignal dispatcher,
    ChatLegs chatLegs,
    InteractionEvents interactionEvents,
    IOptions<BookingOptions> options,
    TimeProvider clock,
    ILogger<BookingCommands> logger)
{
    public async Task<BookingReply> CreateAsync(CreateBookingRequest request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(request.IdempotencyKey)
            && await FindReplayAsync(request, cancellationToken) is { } replay)
        {
            return replay;
        }

        // Other visitors' holds on the slot, asked for now so the Redis round trip overlaps the queue look-up; only
        // for a queue this process knows, so made-up queue ids leave nothing behind.
        var liveHolds = request is { DesiredTimeNow: false, ValidateOnly: false, ScheduledTime: not null }
            && snapshots.Knows(request.TenantId, request.QueueId)
                ? LiveHoldsAsync(request.TenantId, request.QueueId, request.ScheduledTime.ToDateTimeOffset())
                : null;

        // Every bad field is named at once; checks that need the queue run when it is known.
        var violations = new FieldViolations();
        QueueSetup? setup = null;
        if (string.IsNullOrWhiteSpace(request.QueueId))
        {
            violations.Add("queueId", "A queue id is required.");
        }
        else
        {
            setup = await snapshots.GetSetupAsync(request.TenantId, request.QueueId, cancellationToken);
            if (setup is null && !request.ValidateOnly)
            {
                throw BookingErrors.NotFound($"Queue '{request.QueueId}'");
            }
        }

        var now = clock.GetUtcNow();
        var region = setup is null ? null : QueueRegion.ForTimeZone(setup.Queue.TimeZone);
        var visitor = VisitorValidation.Validate(request.Visitor, region, options.Value.SupportedLanguages, violations);
        BookingRequestValidation.CheckRouting(request, options.Value.MaxAttributesBytes, violations);
        if (setup is null)
        {
            violations.ThrowIfAny();
            return new BookingReply(); // validate-only, unknown queue: nothing more can be said here
        }
        var queue = setup.Queue;
        var timeValid = !violations.HasField("scheduledTime");
        BookingRequestValidation.CheckTime(request, setup.Calendar, Instant.FromDateTimeOffset(now), violations);
        timeValid &= !violations.HasField("scheduledTime");
        var slot = request.DesiredTimeNow || !timeValid ? now : request.ScheduledTime!.ToDateTimeOffset();
        var hold = timeValid ? await FindHoldAsync(request, queue, slot, violations) : null;
        if (!string.IsNullOrEmpty(request.AdvisorEmail)
            && !setup.Agents.Any(a => string.Equals(a.Email, request.AdvisorEmail, StringComparison.OrdinalIgnoreCase)))
        {
            violations.Add("advisorEmail", "The advisor must be an agent of the queue's agent group.");
        }
        violations.ThrowIfAny();
        if (request.ValidateOnly)
        {
            return new BookingReply();
        }

        // Start Video from a chat: the chat must be live, and its leg that is still live is the answer.
        ChatConversation? chat = null;
        if (ChatLegs.Names(request))
        {
            chat = await chatLegs.ResolveAsync(request, cancellationToken);
            if (await chatLegs.FindLiveAsync(queue.TenantId, chat, cancellationToken) is { } live)
            {
                return replies.For(live, existing: true);
            }
        }

        // Seats other visitors hold are kept for them; the database guard applies either way.
        var heldByOthers = request.DesiredTimeNow
            ? 0
            : await (liveHolds ?? LiveHoldsAsync(queue.TenantId, queue.Id, slot)) - (hold is null ? 0 : 1);
        var seatLimit = queue.Capacity - Math.Max(0, heldByOthers);

        var booking = NewBooking(request, queue, visitor!, slot, now, chat is null ? null : (chat, chatLegs.MergeAttributes(chat, request.Attributes)));
        var messages = OutboxPlanner.ForCreated(booking, setup, links, now).ToList();
        var idempotency = string.IsNullOrEmpty(request.IdempotencyKey)
            ? null
            : new IdempotencyRecord
            {
                TenantId = request.TenantId, Key = request.IdempotencyKey, RequestHash = request.RequestHash,
                BookingId = booking.Id, CreatedAt = now,
            };
        bool booked;
        try
        {
            booked = (booking.Immediate || seatLimit > 0) && await db.Database.CreateExecutionStrategy().ExecuteAsync(
                async ct =>
                {
                    await db.Database.OpenConnectionAsync(ct);
                    try
                    {
                        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                        return await BookingInsert.TryInsertAsync(connection, booking, seatLimit, idempotency, messages, ct);
                    }
                    catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "bookings" }
                        && e.ConstraintName != BookingConfiguration.LiveLegIndex)
                    {
                        // A retry of this very statement after its commit's answer was lost: the booking is in.
                        return true;
                    }
                    finally
                    {
                        await db.Database.CloseConnectionAsync();
                    }
                }, cancellationToken);
        }
        catch (PostgresException e) when (e.ConstraintName == BookingConfiguration.LiveLegIndex && chat is not null)
        {
            // Another Start Video for the same chat committed first (on this replica or another): its leg is the answer.
            return await chatLegs.FindMarkedAsync(queue.TenantId, chat.Id, cancellationToken) is { } first
                ? replies.For(first, existing: true)
                : throw new RpcException(new Grpc.Core.Status(StatusCode.Aborted, "A concurrent Start Video for this chat; try again."));
        }
        catch (PostgresException e) when (IsIdempotencyConflict(e))
        {
            // A concurrent request with the same key committed first.
            return await FindReplayAsync(request, cancellationToken)
                ?? throw new RpcException(new Grpc.Core.Status(StatusCode.Aborted, "Concurrent request with the same idempotency key."));
        }
        if (!booked)
        {
            // The same request, sent twice at once: the copy that lost the seat answers with the first booking.
            if (idempotency is not null && await FindReplayAsync(request, cancellationToken) is { } first)
            {
                return first;
            }
            SchedulingLog.SlotFull(logger, queue.Id, slot);
            throw BookingErrors.Refused(BookingErrors.SlotFull, "The slot is full.");
        }

        SchedulingLog.BookingCreated(logger, booking.Id, queue.Id, booking.ScheduledTime);
        await AfterCommitAsync(queue, hold);
        interactionEvents.Watch(queue.Id);
        if (chat is null)
        {
            await callbacks.DispatchWithinBudgetAsync(booking, cancellationToken);
        }
        else
        {
            // The guest is answered at once; the leg is added from the outbox, so a slow platform never holds them.
            dispatcher.Raise();
        }
        var reply = replies.For(booking);
        reply.ConfirmationMail = messages.Any(m => m.Kind == NotificationKind.CustomerConfirmation.ToOutboxKind()
            || m.Kind == NotificationKind.VideoStarting.ToOutboxKind());
        return reply;
    }

    public async Task<BookingReply> GetAsync(BookingRef reference, CancellationToken cancellationToken)
    {
        var booking = await FindAsync(reference, cancellationToken);
        var setup = await snapshots.GetSetupAsync(booking.TenantId, booking.QueueId, cancellationToken);
        return replies.For(booking, queueName: setup?.Queue.Name ?? "");
    }

    /// <summary>The customer's calendar invite as the booking stands, in the outbox contract's form.</summary>
    public async Task<BookingNotification> GetCustomerInviteAsync(BookingRef reference, CancellationToken cancellationToken)
    {
        var booking = await FindAsync(reference, cancellationToken);
        var setup = await snapshots.GetSetupAsync(booking.TenantId, booking.QueueId, cancellationToken)
            ?? throw BookingErrors.NotFound($"Queue '{booking.QueueId}'");
        return NotificationPayload.CustomerInvite(booking, setup, links);
    }

    internal async Task<Booking> FindAsync(BookingRef reference, CancellationToken cancellationToken)
    {
        var booking = await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == reference.BookingId, cancellationToken);
        return booking is not null && MayAccess(booking, reference)
            ? booking
            : throw BookingErrors.NotFound("Booking");
    }

    /// <summary>
    /// The manage token's holder, or — with no token — the booking's tenant, whose server the edge authenticated by
    /// its API secret. Either way a stranger learns nothing: not found.
    /// </summary>
    private static bool MayAccess(Booking booking, BookingRef reference) =>
        reference.Token.Length > 0
            ? AccessToken.Matches(booking.ManageToken, reference.Token)
            : reference.TenantId.Length > 0 && string.Equals(booking.TenantId, reference.TenantId, StringComparison.Ordinal);

    public async Task<BookingReply> CancelAsync(BookingRef reference, CancellationToken cancellationToken)
    {
        var current = await FindAsync(reference, cancellationToken);
        var setup = await snapshots.GetSetupAsync(current.TenantId, current.QueueId, cancellationToken)
            ?? throw BookingErrors.NotFound($"Queue '{current.QueueId}'");
        var changed = false;
        var booking = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var booking = await LockAsync(reference, ct);
            if (booking.Status == BookingStatus.Cancelled)
            {
                return booking;
            }
            var now = clock.GetUtcNow();
            booking.Status = BookingStatus.Cancelled;
            booking.Sequence++; // a CANCEL must carry a higher SEQUENCE than the last REQUEST
            booking.UpdatedAt = now;
            if (!booking.Immediate)
            {
                await ReleaseSeatAsync(booking.TenantId, booking.QueueId, booking.ScheduledTime, ct);
            }
            await SettleSupersededAsync(booking, now, ct);
            db.Outbox.AddRange(OutboxPlanner.ForCancelled(
                booking, setup, links, now, await LastCallbackMessageAsync(booking.Id, ct)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            changed = true;
            return booking;
        }, cancellationToken);

        if (changed)
        {
            SchedulingLog.BookingCancelled(logger, booking.Id);
            await AfterCommitAsync(setup.Queue, hold: null);
        }
        return replies.For(booking, queueName: setup.Queue.Name);
    }

    public async Task<BookingReply> RescheduleAsync(RescheduleBookingRequest request, CancellationToken cancellationToken)
    {
        var current = await FindAsync(new BookingRef { BookingId = request.BookingId, Token = request.Token, TenantId = request.TenantId }, cancellationToken);
        var setup = await snapshots.GetSetupAsync(current.TenantId, current.QueueId, cancellationToken)
            ?? throw BookingErrors.NotFound($"Queue '{current.QueueId}'");
        var queue = setup.Queue;

        var violations = new FieldViolations();
        if (request.ScheduledTime is null)
        {
            violations.Add("scheduledTime", "A new scheduled time is required.");
        }
        else
        {
            BookingRequestValidation.CheckSlot(
                Instant.FromDateTimeOffset(request.ScheduledTime.ToDateTimeOffset()), setup.Calendar,
                Instant.FromDateTimeOffset(clock.GetUtcNow()), violations);
        }
        violations.ThrowIfAny();
        var newSlot = request.ScheduledTime!.ToDateTimeOffset();
        var seatLimit = queue.Capacity - await LiveHoldsAsync(queue.TenantId, queue.Id, newSlot);

        var booking = await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var booking = await LockAsync(new BookingRef { BookingId = request.BookingId, Token = request.Token, TenantId = request.TenantId }, ct);
            if (booking.Status == BookingStatus.Cancelled)
            {
                throw BookingErrors.Refused(BookingErrors.BookingCancelled, "A cancelled booking cannot be rescheduled.");
            }
            if (booking.Immediate)
            {
                throw BookingErrors.Refused(BookingErrors.NotReschedulable, "An immediate video call cannot be rescheduled.");
            }
            if (booking.ScheduledTime == newSlot)
            {
                return booking;
            }
            if (!await TryTakeSeatAsync(queue, newSlot, seatLimit, ct))
            {
                SchedulingLog.SlotFull(logger, queue.Id, newSlot);
                throw BookingErrors.Refused(BookingErrors.SlotFull, "The slot is full.");
            }
            await ReleaseSeatAsync(booking.TenantId, booking.QueueId, booking.ScheduledTime, ct);
            var now = clock.GetUtcNow();
            booking.ScheduledTime = newSlot;
            booking.Sequence++;
            booking.UpdatedAt = now;
            await SettleSupersededAsync(booking, now, ct);
            db.Outbox.AddRange(OutboxPlanner.ForRescheduled(
                booking, setup, links, now, await LastCallbackMessageAsync(booking.Id, ct)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return booking;
        }, cancellationToken);

        SchedulingLog.BookingRescheduled(logger, booking.Id, booking.ScheduledTime, booking.Sequence);
        await AfterCommitAsync(queue, hold: null);
        return replies.For(booking, queueName: queue.Name);
    }

    /// <summary>Takes one seat of the slot if fewer than <paramref name="limit"/> are booked; atomic per slot row.</summary>
    private async Task<bool> TryTakeSeatAsync(Queue queue, DateTimeOffset slot, int limit, CancellationToken ct)
    {
        if (limit <= 0)
        {
            return false;
        }
        var taken = await db.Database.SqlQueryRaw<int>(SlotInventory.TakeSeatSql,
            new NpgsqlParameter("tenant_id", queue.TenantId), new NpgsqlParameter("queue_id", queue.Id),
            new NpgsqlParameter("scheduled_time", slot), new NpgsqlParameter("seat_limit", limit),
            new NpgsqlParameter("takes_seat", true)).ToListAsync(ct);
        return taken.Count == 1;
    }

    private Task<int> ReleaseSeatAsync(string tenantId, string queueId, DateTimeOffset slot, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE slot_inventory SET booked = booked - 1
            WHERE tenant_id = {tenantId} AND queue_id = {queueId} AND slot_start = {slot} AND booked > 0
            """, ct);


    private async Task<Booking> LockAsync(BookingRef reference, CancellationToken ct)
    {
        var rows = await db.Bookings.FromSql($"SELECT * FROM bookings WHERE id = {reference.BookingId} FOR UPDATE").ToListAsync(ct);
        var booking = rows.SingleOrDefault();
        return booking is not null && MayAccess(booking, reference)
            ? booking
            : throw BookingErrors.NotFound("Booking");
    }

    /// <summary>
    /// The booking's notifications still waiting (a reminder, a mail held up by a mail-server outage) carry a time or a
    /// state the booking has moved past: settled now, in the change's transaction, so none of them goes out. The
    /// notifier reads nothing but its rows, so this is where "superseded" is decided.
    /// </summary>
    private Task<int> SettleSupersededAsync(Booking booking, DateTimeOffset now, CancellationToken ct) =>
        db.Outbox.Where(m => m.BookingId == booking.Id && m.Channel == OutboxChannels.Notification
                && m.ProcessedAt == null && m.FailedAt == null && m.Sequence < booking.Sequence)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                .SetProperty(m => m.LastError, $"Superseded by sequence {booking.Sequence}."), ct);

    /// <summary>The booking's latest contact-center message; the booking row is locked, so none is written meanwhile.</summary>
    private Task<long?> LastCallbackMessageAsync(string bookingId, CancellationToken ct) =>
        db.Outbox.Where(m => m.BookingId == bookingId && m.Channel == OutboxChannels.ContactCenter)
            .MaxAsync(m => (long?)m.Id, ct);

    /// <summary>Live holds on the slot; none when Redis cannot say, since the database is the guard.</summary>
    private async Task<int> LiveHoldsAsync(string tenantId, string queueId, DateTimeOffset slot)
    {
        try
        {
            return await holds.CountLiveAsync(tenantId, queueId, Instant.FromDateTimeOffset(slot));
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            SchedulingLog.RedisUnavailable(logger, e.GetType().Name);
            return 0;
        }
    }

    private async Task<BookingReply?> FindReplayAsync(CreateBookingRequest request, CancellationToken ct)
    {
        var record = await db.IdempotencyKeys.AsNoTracking()
            .SingleOrDefaultAsync(r => r.TenantId == request.TenantId && r.Key == request.IdempotencyKey, ct);
        if (record is null)
        {
            return null;
        }
        if (record.RequestHash != request.RequestHash)
        {
            throw BookingErrors.Refused(BookingErrors.IdempotencyKeyReused,
                "This Idempotency-Key was already used with a different request.");
        }
        var booking = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == record.BookingId, ct);
        return replies.For(booking);
    }

    /// <summary>The visitor's hold, when it is live and for this slot; a hold for another slot is a bad request.</summary>
    private async Task<SlotHold?> FindHoldAsync(CreateBookingRequest request, Queue queue, DateTimeOffset slot, FieldViolations violations)
    {
        if (string.IsNullOrEmpty(request.HoldId))
        {
            return null;
        }
        SlotHold? hold;
        try
        {
            hold = await holds.FindAsync(request.TenantId, request.HoldId);
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            SchedulingLog.RedisUnavailable(logger, e.GetType().Name);
            return null;
        }
        // An expired hold is no error: the booking goes ahead if a seat is still free.
        if (hold is not null && (hold.QueueId != queue.Id || hold.SlotStart != Instant.FromDateTimeOffset(slot)))
        {
            violations.Add("holdId", "The hold is for another queue or slot.");
            return null;
        }
        return hold;
    }

    private async Task AfterCommitAsync(Queue queue, SlotHold? hold)
    {
        dispatcher.Raise(); // the change's callback message; the outbox trigger does not announce those

        if (hold is not null)
        {
            try
            {
                await holds.ReleaseAsync(hold);
            }
            catch (Exception e) when (RedisFault.Is(e))
            {
                SchedulingLog.RedisUnavailable(logger, e.GetType().Name); // it expires by itself
            }
        }
        await snapshots.SeatsChangedAsync(queue.TenantId, queue.Id);
    }

    /// <param name="chat">For a Start Video from a chat: the chat, and the leg's attributes merged with the chat's.</param>
    private static Booking NewBooking(CreateBookingRequest request, Queue queue, ValidVisitor visitor, DateTimeOffset slot,
        DateTimeOffset now, (ChatConversation Chat, Dictionary<string, string> Attributes)? chat) => new()
    {
        Id = AccessToken.NewBookingId(),
        TenantId = queue.TenantId,
        QueueId = queue.Id,
        Status = BookingStatus.Confirmed,
        Immediate = request.DesiredTimeNow,
        ScheduledTime = slot,
        VisitorName = visitor.Name,
        VisitorEmail = visitor.Email,
        VisitorPhone = visitor.Phone,
        PreferredLang = visitor.PreferredLang,
        Skills = request.Skills.Count > 0 ? [.. request.Skills] : [.. queue.Skills],
        Priority = request.HasPriority ? request.Priority : queue.Priority,
        Attributes = chat?.Attributes ?? new Dictionary<string, string>(request.Attributes),
        // A scheduled booking may name the chat it came from; only a Start Video joins it.
        ConversationId = chat?.Chat.Id ?? (string.IsNullOrEmpty(request.ConversationId) ? null : request.ConversationId),
        ConversationParticipantId = chat?.Chat.CustomerParticipantId,
        LiveConversationId = chat?.Chat.Id,
        AdvisorEmail = string.IsNullOrEmpty(request.AdvisorEmail) ? null : request.AdvisorEmail,
        CustomerToken = AccessToken.New(),
        AgentToken = AccessToken.New(),
        ManageToken = AccessToken.New(),
        CallbackStatus = CallbackStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static bool IsIdempotencyConflict(PostgresException e) =>
        e is { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "idempotency_keys" };
}
