using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using NpgsqlTypes;
using VideoEngager.Notifications.V1;

namespace VideoEngager.Benchmarks;

/// <summary>
/// Reminder jobs written straight into the outbox, as Scheduling.Grpc writes them: each row carries its whole
/// notification (Protos/notifications.proto), which is all the notifier reads.
/// </summary>
internal static class ReminderSeed
{
    /// <summary>
    /// <paramref name="count"/> pending <c>reminder</c> rows, due evenly from <paramref name="due"/> over
    /// <paramref name="over"/> (all at <paramref name="due"/> when zero), each for a booking 15 minutes (the queue's
    /// offset) after its reminder: the worker's claim (<c>due_at &lt;= now</c>) sees none before its time.
    /// </summary>
    public static async Task InsertAsync(string connectionString, string tenantId, string queueId, DateTime due, TimeSpan over, int count)
    {
        var step = over / count;
        var ids = new string[count];
        var dues = new DateTime[count];
        var payloads = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            ids[i] = $"{tenantId}_{i + 1}";
            dues[i] = DateTime.SpecifyKind(due + i * step, DateTimeKind.Utc);
            payloads[i] = Reminder(ids[i], tenantId, queueId, dues[i].AddMinutes(15), i + 1).ToByteArray();
        }
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO outbox (booking_id, channel, kind, sequence, payload, due_at, created_at, attempts)
            SELECT r.id, 'notification', 'reminder', 0, r.payload, r.due, now(), 0
            FROM unnest(@ids, @dues, @payloads) AS r(id, due, payload)
            """, db);
        insert.Parameters.AddWithValue("ids", ids);
        insert.Parameters.AddWithValue("dues", dues);
        insert.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = payloads });
        await insert.ExecuteNonQueryAsync();
    }

    private static BookingNotification Reminder(string bookingId, string tenantId, string queueId, DateTime scheduled, int n) => new()
    {
        Kind = NotificationKind.Reminder,
        Recipient = new Addressee { Name = $"Load {n}", Email = $"v{n}@load.example", Lang = "en" },
        Booking = new BookingFacts
        {
            BookingId = bookingId,
            TenantId = tenantId,
            TenantName = "Load",
            SenderEmail = "load@example.com",
            QueueName = queueId,
            TimeZone = "UTC",
            ScheduledTime = Timestamp.FromDateTime(scheduled),
            DurationMinutes = 30,
            VisitorName = $"Load {n}",
            VisitorEmail = $"v{n}@load.example",
            PreferredLang = "en",
            Links = new RoomLinks
            {
                CustomerRoom = $"http://localhost:5080/rooms/{bookingId}?token=c{n}",
                Manage = $"http://localhost:5080/bookings/{bookingId}?token=m{n}",
            },
        },
        Reminder = new ReminderChannels { Email = true },
    };

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
