using Microsoft.Extensions.Options;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Outbox;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// Carries out one contact-center message against the booking as it stands now. Messages of a booking arrive in
/// order (create, then updates, then cancel), so an update or cancel finds the create's outcome on the booking.
/// </summary>
internal sealed class CallbackProcessor(
    IContactCenter contactCenter,
    BookingLinks links,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    ILogger<CallbackProcessor> logger)
{
    public async Task<DispatchOutcome> ProcessAsync(OutboxMessage message, Booking? booking, CancellationToken cancellationToken)
    {
        if (booking is null)
        {
            return new DispatchOutcome.Failed("The booking does not exist.", null);
        }
        try
        {
            return message.Kind switch
            {
                OutboxKinds.CallbackCreate => await CreateAsync(message, booking, cancellationToken),
                OutboxKinds.CallbackUpdate => await RescheduleAsync(message, booking, cancellationToken),
                OutboxKinds.CallbackCancel => await CancelAsync(booking, cancellationToken),
                _ => new DispatchOutcome.Failed($"Unknown contact-center message kind '{message.Kind}'.", null),
            };
        }
        catch (ContactCenterException e)
        {
            var next = RetryPolicy.NextAttempt(e, message.Attempts, clock.GetUtcNow(), options.Value, Random.Shared.NextDouble());
            if (next is { } dueAt)
            {
                if (message.Kind == OutboxKinds.CallbackCreate && (e.Ambiguous || AfterAmbiguousCreate(message)))
                {
                    if (e.Ambiguous)
                    {
                        ContactCenterLog.AmbiguousCreate(logger, booking.Id);
                    }
                    // Kept through later failures (a 429 on the search, say) until the create is settled.
                    return new DispatchOutcome.Retry(dueAt, AmbiguousCreateMarker + e.Message, e);
                }
                return new DispatchOutcome.Retry(dueAt, e.Message, e);
            }
            return new DispatchOutcome.Failed(
                e.Transient ? $"Gave up after {message.Attempts} attempts: {e.Message}" : e.Message, e);
        }
    }

    /// <summary>
    /// Starts the outbox's last error of a create that may have been carried out unanswered: the message row is the
    /// only state that survives to the retry (possibly on another replica), and the booking has no id to look up.
    /// </summary>
    internal const string AmbiguousCreateMarker = "ambiguous create: ";

    internal static bool AfterAmbiguousCreate(OutboxMessage message) =>
        message.LastError?.StartsWith(AmbiguousCreateMarker, StringComparison.Ordinal) == true;

    /// <summary>The callback Genesys gets for a booking: routing by name, the visitor, and what the agent needs.</summary>
    public CallbackRequest RequestFor(Booking booking)
    {
        var data = new Dictionary<string, string>(booking.Attributes, StringComparer.Ordinal)
        {
            [CallbackData.BookingId] = booking.Id,
            [CallbackData.AgentUrl] = links.AgentRoom(booking),
        };
        if (!string.IsNullOrEmpty(booking.ConversationId))
        {
            data[CallbackData.MessagingConversationId] = booking.ConversationId;
        }
        return new CallbackRequest(
            booking.QueueId,
            booking.Skills,
            booking.PreferredLang,
            booking.Priority,
            booking.VisitorName,
            booking.VisitorPhone,
            booking.Immediate ? null : booking.ScheduledTime,
            data);
    }

    private async Task<DispatchOutcome> CreateAsync(OutboxMessage message, Booking booking, CancellationToken cancellationToken)
    {
        // There is no idempotency key on create: a stored conversation id is looked up before making another, and
        // after an unanswered create (no id stored) the callback is searched for by its booking id.
        if (booking.CallbackId is { } existing
            && await contactCenter.FindCallbackAsync(existing, cancellationToken) is not null)
        {
            ContactCenterLog.AlreadyCreated(logger, booking.Id, existing);
            return new DispatchOutcome.Done(
                booking.CallbackStatus == CallbackStatus.Pending ? new CallbackState(existing, CallbackStatus.Scheduled, null) : null,
                "already created");
        }
        if (booking.CallbackId is null && AfterAmbiguousCreate(message)
            && await FindUnansweredCreateAsync(booking, cancellationToken) is { } found)
        {
            ContactCenterLog.FoundAfterAmbiguousCreate(logger, booking.Id, found);
            if (booking.Status == BookingStatus.Cancelled)
            {
                // No cancel message would find it otherwise: the booking never learnt its id.
                await contactCenter.CancelCallbackAsync(found, callbackId: null, cancellationToken);
                return new DispatchOutcome.Done(new CallbackState(found, CallbackStatus.Cancelled, null), "found after an unanswered create, cancelled");
            }
            return new DispatchOutcome.Done(new CallbackState(found, CallbackStatus.Scheduled, null), "found after an unanswered create");
        }
        if (booking.Status == BookingStatus.Cancelled)
        {
            return new DispatchOutcome.Done(new CallbackState(null, CallbackStatus.Cancelled, null), "cancelled before it was created");
        }
        // A video leg for a chat joins the chat's conversation: one interaction, for the agent and for reporting.
        var created = booking is { ConversationId: { } chat, ConversationParticipantId: { } guest }
            ? await contactCenter.CreateCallbackOnConversationAsync(chat, guest, RequestFor(booking), cancellationToken)
            : await contactCenter.CreateCallbackAsync(RequestFor(booking), cancellationToken);
        return new DispatchOutcome.Done(
            new CallbackState(created.ConversationId, CallbackStatus.Scheduled, null, created.CallbackId), "created");
    }

    /// <summary>
    /// The callback an unanswered create may have made. A transient search failure is retried like the create; a
    /// refused one (the org rejects the criterion or the client lacks the permission) falls back to creating again.
    /// </summary>
    private async Task<string?> FindUnansweredCreateAsync(Booking booking, CancellationToken cancellationToken)
    {
        try
        {
            return await contactCenter.FindCallbackIdByBookingAsync(booking.Id, cancellationToken);
        }
        catch (ContactCenterException e) when (!e.Transient)
        {
            ContactCenterLog.SearchRefused(logger, booking.Id, e.Status, e.Code);
            return null;
        }
    }

    private async Task<DispatchOutcome> RescheduleAsync(OutboxMessage message, Booking booking, CancellationToken cancellationToken)
    {
        if (booking.CallbackId is not { } conversationId || booking.Status == BookingStatus.Cancelled || booking.Immediate)
        {
            return new DispatchOutcome.Done(null, "no callback to move");
        }
        if (message.Sequence < booking.Sequence)
        {
            return new DispatchOutcome.Done(null, "superseded by a later change");
        }
        await contactCenter.RescheduleCallbackAsync(conversationId, booking.ScheduledTime, cancellationToken);
        return new DispatchOutcome.Done(new CallbackState(conversationId, CallbackStatus.Scheduled, null), "rescheduled");
    }

    private async Task<DispatchOutcome> CancelAsync(Booking booking, CancellationToken cancellationToken)
    {
        if (booking.CallbackId is { } conversationId)
        {
            try
            {
                await contactCenter.CancelCallbackAsync(conversationId, booking.CallbackAcdId, cancellationToken);
            }
            catch (ContactCenterException e) when (e.Status == StatusCodes.Status404NotFound)
            {
                // Already gone: what cancelling wants.
            }
        }
        return new DispatchOutcome.Done(new CallbackState(booking.CallbackId, CallbackStatus.Cancelled, null), "cancelled");
    }
}
