using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VideoEngager.Outbox;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Interactions;
using VideoEngager.Scheduling.Outbox;
using VideoEngager.Scheduling.Persistence;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// Claims contact-center messages and sees each through: process, then settle booking and message together.
/// Used by <see cref="CallbackDispatcher"/> for everything due, and by a create request for its own callback.
/// </summary>
internal sealed class CallbackDispatch(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<DispatchOptions> options,
    ContactCenterTelemetry telemetry,
    IHostApplicationLifetime lifetime,
    DispatchSignal signal,
    InteractionFeed feed,
    ILogger<CallbackDispatch> logger)
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);
    private long _rateLimitedUntilTicks;

    /// <summary>
    /// Until when the contact center asked this client to wait (a 429's Retry-After), or null. The limit is the
    /// client's, not one message's: nothing is sent before then, so a backlog is not walked into 429 after 429.
    /// </summary>
    public DateTimeOffset? RateLimitedUntil
    {
        get
        {
            var until = new DateTimeOffset(Interlocked.Read(ref _rateLimitedUntilTicks), TimeSpan.Zero);
            return until > clock.GetUtcNow() ? until : null;
        }
    }

    /// <summary>Leases up to <paramref name="limit"/> due messages.</summary>
    public async Task<List<OutboxMessage>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = clock.GetUtcNow();
        return await Outbox(scope).ClaimAsync(now, now + options.Value.Lease, limit, cancellationToken);
    }

    /// <summary>Leases the booking's next message when it is due and free of the one it follows.</summary>
    private async Task<List<OutboxMessage>> ClaimOfBookingAsync(string bookingId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = clock.GetUtcNow();
        return await Outbox(scope).ClaimOfBookingAsync(now, now + options.Value.Lease, bookingId, cancellationToken);
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await Outbox(scope).NextDueAsync(clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Processes a claimed message and records the outcome. Never throws but for <paramref name="cancellationToken"/>;
    /// the outcome is recorded even then once the contact center has answered, so a made callback is never forgotten.
    /// </summary>
    public async Task<DispatchOutcome> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        // Linked to the change that wrote it: from the booking's trace to its callback, however late it goes.
        using var activity = ContactCenterTelemetry.Source.StartActivity(
            $"contact-center {message.Kind}", ActivityKind.Internal, parentContext: default,
            links: OutboxTrace.LinkTo(message.TraceParent));
        activity?.SetTag("videoengager.booking.id", message.BookingId);
        activity?.SetTag("videoengager.outbox.attempt", message.Attempts);

        await using var scope = scopes.CreateAsyncScope();
        var outbox = Outbox(scope);
        // Never outlive the lease: past it, another dispatcher may take the message over.
        using var lease = new CancellationTokenSource(options.Value.Lease - options.Value.Lease / 10, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Token);
        DispatchOutcome outcome;
        try
        {
            var booking = await outbox.FindBookingAsync(message.BookingId, linked.Token);
            outcome = await scope.ServiceProvider.GetRequiredService<CallbackProcessor>().ProcessAsync(message, booking, linked.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var dueAt = clock.GetUtcNow() + Backoff.Delay(message.Attempts, options.Value.BaseDelay, options.Value.MaxDelay, Random.Shared.NextDouble());
            ContactCenterLog.Unexpected(logger, e, message.Id, message.BookingId, dueAt);
            outcome = message.Attempts >= options.Value.MaxAttempts
                ? new DispatchOutcome.Failed($"Gave up after {message.Attempts} attempts: {e.GetType().Name}", null)
                : new DispatchOutcome.Retry(dueAt, $"{e.GetType().Name}: {e.Message}", null);
        }

        if (outcome is DispatchOutcome.Retry { Error.Status: StatusCodes.Status429TooManyRequests } limited)
        {
            // However long the contact center asks for, the pause never outlasts the longest retry delay.
            var longest = clock.GetUtcNow() + options.Value.MaxDelay;
            RateLimited(limited.DueAt < longest ? limited.DueAt : longest);
        }
        var now = clock.GetUtcNow();
        if (!await outbox.SettleAsync(message, outcome, now, CancellationToken.None))
        {
            ContactCenterLog.LeaseLost(logger, message.Id, message.BookingId);
            return outcome;
        }
        // Settled here or by a request: the booking's next message may go now, or a retry is due at another time.
        signal.Raise();
        Report(message, outcome, now, activity);
        if (outcome is DispatchOutcome.Done { Callback.CallbackId: not null } or DispatchOutcome.Failed)
        {
            // The platform's first events may have come before the booking knew its callback: its page hears them now.
            await PublishStatusAsync(message.BookingId);
        }
        return outcome;
    }

    /// <summary>
    /// Dispatches a new booking's callback create at once and waits up to the short budget for it, filling in the
    /// booking's callback fields when it is done. Past the budget the create carries on by itself (it holds the
    /// lease, so no dispatcher makes a second one) and the booking shows its outcome later.
    /// </summary>
    public async Task DispatchWithinBudgetAsync(Booking booking, CancellationToken requestAborted)
    {
        var budget = options.Value.ShortBudget;
        if (budget <= TimeSpan.Zero || RateLimitedUntil is not null)
        {
            return;
        }
        var deadline = clock.GetUtcNow() + budget;
        var stopping = lifetime.ApplicationStopping;
        // Not the request's token: a create that was sent runs to its answer and stores it, whoever still waits.
        var work = Task.Run(() => ClaimAndHandleAsync(booking.Id, stopping), CancellationToken.None);
        try
        {
            switch (await work.WaitAsync(budget, clock, requestAborted))
            {
                case DispatchOutcome.Done { Callback: { } callback }:
                    Apply(booking, callback);
                    return;
                case DispatchOutcome.Failed failed:
                    Apply(booking, new CallbackState(null, CallbackStatus.Failed, failed.Reason));
                    return;
                case null:
                    break; // another dispatcher holds it
                default:
                    return; // retrying later
            }
        }
        catch (TimeoutException)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var outbox = Outbox(scope);
        while (clock.GetUtcNow() + WatchInterval < deadline)
        {
            await Task.Delay(WatchInterval, clock, requestAborted);
            if (await outbox.CallbackOfAsync(booking.Id, requestAborted) is { Status: not CallbackStatus.Pending } callback)
            {
                Apply(booking, callback);
                return;
            }
        }
    }

    private async Task<DispatchOutcome?> ClaimAndHandleAsync(string bookingId, CancellationToken cancellationToken)
    {
        try
        {
            var claimed = await ClaimOfBookingAsync(bookingId, cancellationToken);
            return claimed is [{ Kind: OutboxKinds.CallbackCreate } message] ? await HandleAsync(message, cancellationToken) : null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The dispatcher's poll picks it up; the booking answer simply has no callback id yet.
            ContactCenterLog.InRequestDispatchFailed(logger, bookingId, e);
            return null;
        }
    }

    private async Task PublishStatusAsync(string bookingId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
        if (await db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId) is { } booking)
        {
            await feed.PublishAsync(booking);
        }
    }

    private void RateLimited(DateTimeOffset until)
    {
        var ticks = until.UtcTicks;
        var seen = Interlocked.Read(ref _rateLimitedUntilTicks);
        while (ticks > seen && Interlocked.CompareExchange(ref _rateLimitedUntilTicks, ticks, seen) is var found && found != seen)
        {
            seen = found;
        }
    }

    private void Report(OutboxMessage message, DispatchOutcome outcome, DateTimeOffset now, Activity? activity)
    {
        switch (outcome)
        {
            case DispatchOutcome.Done done:
                ContactCenterLog.Done(logger, message.Kind, message.BookingId, done.Note, done.Callback?.CallbackId);
                telemetry.Outcome(message.Kind, "done");
                telemetry.Done(message.Kind, now - message.CreatedAt);
                break;
            case DispatchOutcome.Retry retry:
                ContactCenterLog.Retrying(logger, message.Kind, message.BookingId, message.Attempts, retry.Error?.Status,
                    retry.Error?.Code, retry.Error?.CorrelationId, retry.DueAt, ContactCenterLog.Mask(retry.Reason));
                telemetry.Outcome(message.Kind, "retry", retry.Error?.Status);
                activity?.SetStatus(ActivityStatusCode.Error, retry.Error?.Code ?? "retry");
                break;
            case DispatchOutcome.Failed failed:
                ContactCenterLog.Failed(logger, message.Kind, message.BookingId, message.Attempts, failed.Error?.Status,
                    failed.Error?.Code, failed.Error?.CorrelationId, ContactCenterLog.Mask(failed.Reason));
                telemetry.Outcome(message.Kind, "failed", failed.Error?.Status);
                activity?.SetStatus(ActivityStatusCode.Error, failed.Error?.Code ?? "failed");
                break;
        }
    }

    private static void Apply(Booking booking, CallbackState callback)
    {
        booking.CallbackId = callback.CallbackId ?? booking.CallbackId;
        booking.CallbackAcdId = callback.AcdId ?? booking.CallbackAcdId;
        booking.CallbackStatus = callback.Status;
        booking.CallbackError = callback.Error;
    }

    private static CallbackOutbox Outbox(AsyncServiceScope scope) =>
        new(scope.ServiceProvider.GetRequiredService<SchedulingDbContext>());
}
