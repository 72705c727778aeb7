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
    BookingReplies replies,
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
                OutboxKinds.CallbackCreate => await CreateAsync(booking, cancellationToken),
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
                if (e.Ambiguous && message.Kind == OutboxKinds.CallbackCreate)
                {
                    ContactCenterLog.AmbiguousCreate(logger, booking.Id);
                }
                return new DispatchOutcome.Retry(dueAt, e.Message, e);
            }
            return new DispatchOutcome.Failed(
                e.Transient ? $"Gave up after {message.Attempts} attempts: {e.Message}" : e.Message, e);
        }
    }

    /// <summary>The callback Genesys gets for a booking: routing by name, the visitor, and what the agent needs.</summary>
    public CallbackRequest RequestFor(Booking booking)
    {
        var data = new Dictionary<string, string>(booking.Attributes, StringComparer.Ordinal)
        {
            ["bookingId"] = booking.Id,
            ["agentUrl"] = replies.AgentUrl(booking),
        };
        if (!string.IsNullOrEmpty(booking.ConversationId))
        {
            data["messagingConversationId"] = booking.ConversationId;
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

    private async Task<DispatchOutcome> CreateAsync(Booking booking, CancellationToken cancellationToken)
    {
        // There is no idempotency key on create: a stored conversation id is looked up before making another.
        if (booking.CallbackId is { } existing
            && await contactCenter.FindCallbackAsync(existing, cancellationToken) is not null)
        {
            ContactCenterLog.AlreadyCreated(logger, booking.Id, existing);
            return new DispatchOutcome.Done(
                booking.CallbackStatus == CallbackStatus.Pending ? new CallbackState(existing, CallbackStatus.Scheduled, null) : null,
                "already created");
        }
        if (booking.Status == BookingStatus.Cancelled)
        {
            return new DispatchOutcome.Done(new CallbackState(null, CallbackStatus.Cancelled, null), "cancelled before it was created");
        }
        var created = await contactCenter.CreateCallbackAsync(RequestFor(booking), cancellationToken);
        return new DispatchOutcome.Done(new CallbackState(created.ConversationId, CallbackStatus.Scheduled, null), "created");
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
                await contactCenter.CancelCallbackAsync(conversationId, cancellationToken);
            }
            catch (ContactCenterException e) when (e.Status == StatusCodes.Status404NotFound)
            {
                // Already gone: what cancelling wants.
            }
        }
        return new DispatchOutcome.Done(new CallbackState(booking.CallbackId, CallbackStatus.Cancelled, null), "cancelled");
    }
}
