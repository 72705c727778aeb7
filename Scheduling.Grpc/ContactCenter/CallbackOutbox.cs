using Microsoft.EntityFrameworkCore;
using Npgsql;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Outbox;
using VideoEngager.Scheduling.Persistence;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// The <c>contact-center</c> rows of the outbox: claimed with a lease under <c>FOR UPDATE SKIP LOCKED</c>, one booking's
/// messages strictly in order, and settled together with the booking's callback columns.
/// </summary>
internal sealed class CallbackOutbox(SchedulingDbContext db)
{
    private const int MaxErrorLength = 1000;

    // A pending message no dispatcher holds, free of the message it follows. Shaped to stay cheap behind a backlog
    // whatever the planner's statistics say (they lag a burst of writes): the in-order rule is a scalar sub-select by
    // primary key per candidate, which PostgreSQL cannot turn into a join over the backlog.
    private const string Free = $$"""
        c.channel = '{{OutboxChannels.ContactCenter}}' AND c.processed_at IS NULL AND c.failed_at IS NULL
          AND (c.locked_until IS NULL OR c.locked_until <= @now)
          AND NOT COALESCE((SELECT p.processed_at IS NULL AND p.failed_at IS NULL FROM outbox AS p WHERE p.id = c.follows_id), false)
        """;

    // Leases the candidates the inner SELECT locks; Attempts counts this one.
    private const string LeaseHead = "UPDATE outbox AS o SET locked_until = @lease_until, attempts = o.attempts + 1 FROM (";
    private const string LeaseTail = ") AS next WHERE o.id = next.id RETURNING o.*";

    // The pending index walked in claim order, stopping at the limit.
    private const string ClaimSql = LeaseHead + $$"""
        SELECT c.id FROM outbox AS c
        WHERE {{Free}} AND c.due_at <= @now
        ORDER BY c.due_at, c.id
        LIMIT @limit
        FOR UPDATE SKIP LOCKED
        """ + LeaseTail;

    private const string ClaimOfBookingSql = LeaseHead + $$"""
        SELECT c.id FROM outbox AS c
        WHERE c.booking_id = @booking_id AND {{Free}} AND c.due_at <= @now
        FOR UPDATE SKIP LOCKED
        """ + LeaseTail;

    private const string NextDueSql = $$"""
        SELECT c.due_at AS "Value" FROM outbox AS c
        WHERE {{Free}}
        ORDER BY c.due_at, c.id
        LIMIT 1
        """;

    /// <summary>
    /// Leases up to <paramref name="limit"/> due messages, each free of the message it follows (a later one of a
    /// booking waits, even when the earlier is leased or backing off). <see cref="OutboxMessage.Attempts"/> counts this one.
    /// </summary>
    public Task<List<OutboxMessage>> ClaimAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken) =>
        db.Outbox.FromSqlRaw(ClaimSql, new NpgsqlParameter("now", now), new NpgsqlParameter("lease_until", leaseUntil),
            new NpgsqlParameter("limit", limit)).AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>
    /// Leases the booking's message that is due and free, found by the booking's index. At most one is free at a time:
    /// each follows the one written before it.
    /// </summary>
    public Task<List<OutboxMessage>> ClaimOfBookingAsync(DateTimeOffset now, DateTimeOffset leaseUntil, string bookingId, CancellationToken cancellationToken) =>
        db.Outbox.FromSqlRaw(ClaimOfBookingSql, new NpgsqlParameter("now", now), new NpgsqlParameter("lease_until", leaseUntil),
            new NpgsqlParameter("booking_id", bookingId)).AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>
    /// When the earliest free message falls due; null when there is none. Leased ones are left out (their dispatcher
    /// settles them and wakes the loop; should it die, the poll finds them once the lease ends), and so are those still
    /// waiting for the message they follow (its settling, here or in a request, wakes the loop).
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.Database.SqlQueryRaw<DateTimeOffset?>(NextDueSql, new NpgsqlParameter("now", now))
            .ToListAsync(cancellationToken)).SingleOrDefault();

    public Task<Booking?> FindBookingAsync(string bookingId, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking().SingleOrDefaultAsync(b => b.Id == bookingId, cancellationToken);

    public Task<CallbackState?> CallbackOfAsync(string bookingId, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking()
            .Where(b => b.Id == bookingId)
            .Select(b => new CallbackState(b.CallbackId, b.CallbackStatus, b.CallbackError))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Records the outcome, booking and message in one transaction. False when the lease was lost (another dispatcher
    /// took the message over): then nothing is written.
    /// </summary>
    public async Task<bool> SettleAsync(OutboxMessage message, DispatchOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var mine = db.Outbox.Where(m => m.Id == message.Id && m.Attempts == message.Attempts
                && m.ProcessedAt == null && m.FailedAt == null);
            var settled = outcome switch
            {
                DispatchOutcome.Done => await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ProcessedAt, now)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, (string?)null), ct),
                DispatchOutcome.Retry retry => await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.DueAt, retry.DueAt)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, Truncate(retry.Reason)), ct),
                DispatchOutcome.Failed failed => await mine.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.FailedAt, now)
                    .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.LastError, Truncate(failed.Reason)), ct),
                _ => 0,
            };
            if (settled == 0)
            {
                return false;
            }
            var callback = outcome switch
            {
                DispatchOutcome.Done done => done.Callback,
                DispatchOutcome.Failed failed => new CallbackState(null, CallbackStatus.Failed, failed.Reason),
                _ => null,
            };
            if (callback is not null)
            {
                // A null id keeps the stored one: a failed reschedule or cancel still names its conversation.
                await db.Bookings.Where(b => b.Id == message.BookingId).ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.CallbackId, b => callback.CallbackId ?? b.CallbackId)
                    .SetProperty(b => b.CallbackAcdId, b => callback.AcdId ?? b.CallbackAcdId)
                    .SetProperty(b => b.CallbackStatus, callback.Status)
                    .SetProperty(b => b.CallbackError, Truncate(callback.Error))
                    .SetProperty(b => b.UpdatedAt, now), ct);
            }
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

    private static string? Truncate(string? text) => text is { Length: > MaxErrorLength } ? text[..MaxErrorLength] : text;
}
