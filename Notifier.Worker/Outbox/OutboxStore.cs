using Npgsql;
using VideoEngager.Notifications;

namespace VideoEngager.Notifier.Outbox;

/// <summary>
/// The notification rows of Scheduling.Grpc's <c>outbox</c> table (schema owned there): the only table this service
/// touches, and only rows of channel <c>notification</c>. Each row carries its whole notification (the payload), so
/// nothing else of Scheduling's is read.
/// </summary>
public sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    private const string Pending = $"channel = '{NotificationKindExtensions.OutboxChannel}' AND processed_at IS NULL AND failed_at IS NULL";

    /// <summary>
    /// Leases up to <paramref name="limit"/> due rows. SKIP LOCKED lets concurrent workers take disjoint rows; the
    /// lease (<c>locked_until</c>) then keeps them off the rows until this worker records the outcome, or crashes and
    /// the lease runs out.
    /// </summary>
    public async Task<IReadOnlyList<OutboxRow>> ClaimAsync(
        DateTimeOffset now, int limit, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        const string sql = $"""
            WITH due AS (
                SELECT id FROM outbox
                WHERE {Pending} AND due_at <= @now AND (locked_until IS NULL OR locked_until <= @now)
                ORDER BY due_at, id
                LIMIT @limit
                FOR UPDATE SKIP LOCKED)
            UPDATE outbox o SET locked_until = @lease
            FROM due WHERE o.id = due.id
            RETURNING o.id, o.kind, o.payload, o.attempts, o.trace_parent
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("lease", leaseUntil);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(
                reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? [] : reader.GetFieldValue<byte[]>(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        // RETURNING gives no order; keep the due order so a booking's mails go out as they were written.
        return [.. rows.OrderBy(r => r.Id)];
    }

    /// <summary>
    /// When the earliest row this worker could claim falls due; null if none. Rows leased by a worker are left out
    /// (it settles them; should it die, the poll finds them once the lease ends), so the look walks the pending index
    /// from the earliest due time and stops at the first free row, however many reminders wait further out.
    /// </summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT due_at FROM outbox
            WHERE {Pending} AND (locked_until IS NULL OR locked_until <= @now)
            ORDER BY due_at LIMIT 1
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("now", now);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DateTime utc ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)) : null;
    }

    /// <summary>Sent (or nothing left to send): done for good.</summary>
    public Task CompleteAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        CompleteAsync([id], now, cancellationToken);

    public Task CompleteAsync(long[] ids, DateTimeOffset now, CancellationToken cancellationToken) =>
        ids.Length == 0
            ? Task.CompletedTask
            : ExecuteAsync(
                "UPDATE outbox SET processed_at = @now, locked_until = NULL WHERE id = ANY(@ids) AND processed_at IS NULL",
                cancellationToken, ("ids", ids), ("now", now));

    /// <summary>A failed attempt: counted, with the next try at <paramref name="retryAt"/>; the lease is released.</summary>
    public Task RetryAsync(long id, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE outbox SET attempts = attempts + 1, due_at = @due, last_error = @error, locked_until = NULL
            WHERE id = @id AND processed_at IS NULL
            """,
            cancellationToken, ("id", id), ("due", retryAt), ("error", Truncate(error)));

    /// <summary>Given up: kept, with its last error, for a person to look at.</summary>
    public Task ParkAsync(long id, DateTimeOffset now, string error, bool countAttempt, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            UPDATE outbox SET attempts = attempts + @count, failed_at = @now, last_error = @error, locked_until = NULL
            WHERE id = @id AND processed_at IS NULL
            """,
            cancellationToken, ("id", id), ("now", now), ("error", Truncate(error)), ("count", countAttempt ? 1 : 0));

    // last_error is varchar(1000).
    private static string Truncate(string error) => error.Length <= 1000 ? error : error[..1000];

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
