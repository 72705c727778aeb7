using Npgsql;

namespace VideoEngager.Benchmarks;

/// <summary>Bookings and their reminder jobs written straight into Scheduling.Grpc's tables.</summary>
internal static class ReminderSeed
{
    /// <summary>
    /// <paramref name="count"/> bookings, each with one pending <c>reminder</c> row, due evenly from <paramref name="due"/>
    /// over <paramref name="over"/> (all at <paramref name="due"/> when zero), each booking 15 minutes (the queue's
    /// offset) after its reminder: the worker's claim (<c>due_at &lt;= now</c>) sees none before its time.
    /// </summary>
    public static async Task InsertAsync(string connectionString, string tenantId, string queueId, DateTime due, TimeSpan over, int count)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO bookings (id, tenant_id, queue_id, status, immediate, scheduled_time, sequence, visitor_name,
                visitor_email, visitor_phone, preferred_lang, skills, priority, attributes, customer_token, agent_token,
                manage_token, callback_status, created_at, updated_at)
            SELECT @tenant || '_' || n, @tenant, @queue, 'Confirmed', false, @due + (n - 1) * @step + interval '15 minutes', 0,
                'Load ' || n, 'v' || n || '@load.example', '', 'en', '{}', 5, '{}', md5('c' || n), md5('a' || n),
                md5('m' || n), 'Pending', now(), now()
            FROM generate_series(1, @count) AS n;
            INSERT INTO outbox (booking_id, channel, kind, sequence, due_at, created_at, attempts)
            SELECT @tenant || '_' || n, 'notification', 'reminder', 0, @due + (n - 1) * @step, now(), 0
            FROM generate_series(1, @count) AS n;
            """, db);
        insert.Parameters.AddWithValue("tenant", tenantId);
        insert.Parameters.AddWithValue("queue", queueId);
        insert.Parameters.AddWithValue("due", DateTime.SpecifyKind(due, DateTimeKind.Utc));
        insert.Parameters.AddWithValue("count", count);
        insert.Parameters.AddWithValue("step", over / count);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>The tenant's reminder rows that are done (sent or skipped) and parked.</summary>
    public static async Task<(long Processed, long Failed)> ProgressAsync(NpgsqlConnection db, string tenantId)
    {
        await using var command = new NpgsqlCommand("""
            SELECT count(o.processed_at), count(o.failed_at) FROM outbox o
            WHERE o.booking_id LIKE @prefix AND o.channel = 'notification' AND o.kind = 'reminder'
            """, db);
        command.Parameters.AddWithValue("prefix", tenantId + "\\_%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Lateness (processed_at − due_at) percentiles in ms, and the last completion.</summary>
    public static async Task<(double P50, double P99, double Max, DateTime Last)> LatenessAsync(NpgsqlConnection db, string tenantId)
    {
        await using var command = new NpgsqlCommand("""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY l), percentile_cont(0.99) WITHIN GROUP (ORDER BY l), max(l), max(p)
            FROM (SELECT extract(epoch FROM o.processed_at - o.due_at) * 1000 AS l, o.processed_at AS p FROM outbox o
                  WHERE o.booking_id LIKE @prefix AND o.kind = 'reminder' AND o.processed_at IS NOT NULL) s
            """, db);
        command.Parameters.AddWithValue("prefix", tenantId + "\\_%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetFieldValue<DateTime>(3));
    }
}
