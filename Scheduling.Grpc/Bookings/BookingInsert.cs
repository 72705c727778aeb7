using Npgsql;
using NpgsqlTypes;
using VideoEngager.Scheduling.Outbox;
using VideoEngager.Scheduling.Persistence;

namespace VideoEngager.Scheduling.Bookings;

/// <summary>
/// A new booking, its seat, its idempotency key and its outbox messages, written by one statement in one round trip:
/// atomic on its own (autocommit), and the seat is taken by a conditional upsert on the slot's inventory row, so the
/// database stays the only guard against overbooking. Columns are those of the EF model (see the migrations).
/// </summary>
internal static class BookingInsert
{
    private const string Sql = $$"""
        WITH seat AS ({{SlotInventory.TakeSeatSql}}),
        booking AS (
            INSERT INTO bookings (id, tenant_id, queue_id, status, immediate, scheduled_time, sequence, visitor_name,
                visitor_email, visitor_phone, preferred_lang, skills, priority, attributes, conversation_id, conversation_participant_id,
                live_conversation_id, advisor_email, customer_token, agent_token, manage_token, callback_status, created_at, updated_at)
            SELECT @id, @tenant_id, @queue_id, @status, @immediate, @scheduled_time, @sequence, @visitor_name,
                @visitor_email, @visitor_phone, @preferred_lang, @skills, @priority, @attributes, @conversation_id,
                @conversation_participant_id, @live_conversation_id, @advisor_email, @customer_token, @agent_token, @manage_token, @callback_status, @now, @now
            WHERE @immediate OR EXISTS (SELECT FROM seat)
            RETURNING id),
        idempotency AS (
            INSERT INTO idempotency_keys (tenant_id, key, request_hash, booking_id, created_at)
            SELECT @tenant_id, @idempotency_key, @request_hash, id, @now FROM booking WHERE @idempotency_key IS NOT NULL),
        messages AS (
            INSERT INTO outbox (booking_id, channel, kind, sequence, recipient, payload, trace_parent, due_at, created_at, attempts)
            SELECT b.id, m.channel, m.kind, @sequence, m.recipient, m.payload, m.trace_parent, m.due_at, @now, 0
            FROM booking AS b
            CROSS JOIN unnest(@channels, @kinds, @recipients, @payloads, @trace_parents, @due_ats)
                AS m(channel, kind, recipient, payload, trace_parent, due_at))
        -- Also 1 when this very booking is already in (a retry after the first run's commit answer was lost).
        SELECT ((SELECT count(*) FROM booking) + (SELECT count(*) FROM bookings WHERE id = @id))::int
        """;

    /// <summary>
    /// False when the slot has no seat left under <paramref name="seatLimit"/> (nothing is written then); true when the
    /// booking is in, written now or by an earlier run of the same statement.
    /// </summary>
    public static async Task<bool> TryInsertAsync(NpgsqlConnection connection, Booking booking, int seatLimit,
        IdempotencyRecord? idempotency, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Sql, connection);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string>("id", booking.Id));
        p.Add(new NpgsqlParameter<string>("tenant_id", booking.TenantId));
        p.Add(new NpgsqlParameter<string>("queue_id", booking.QueueId));
        p.Add(new NpgsqlParameter<string>("status", booking.Status.ToString()));
        p.Add(new NpgsqlParameter<bool>("immediate", booking.Immediate));
        p.Add(new NpgsqlParameter<DateTimeOffset>("scheduled_time", booking.ScheduledTime));
        p.Add(new NpgsqlParameter<int>("sequence", booking.Sequence));
        p.Add(new NpgsqlParameter<string>("visitor_name", booking.VisitorName));
        p.Add(new NpgsqlParameter<string>("visitor_email", booking.VisitorEmail));
        p.Add(new NpgsqlParameter<string>("visitor_phone", booking.VisitorPhone));
        p.Add(new NpgsqlParameter<string>("preferred_lang", booking.PreferredLang));
        p.Add(new NpgsqlParameter<string[]>("skills", [.. booking.Skills]));
        p.Add(new NpgsqlParameter<int>("priority", booking.Priority));
        p.Add(new NpgsqlParameter<string>("attributes", NpgsqlDbType.Jsonb) { TypedValue = JsonColumn.ToJson(booking.Attributes) });
        p.Add(Nullable("conversation_id", booking.ConversationId));
        p.Add(Nullable("conversation_participant_id", booking.ConversationParticipantId));
        p.Add(Nullable("live_conversation_id", booking.LiveConversationId));
        p.Add(Nullable("advisor_email", booking.AdvisorEmail));
        p.Add(new NpgsqlParameter<string>("customer_token", booking.CustomerToken));
        p.Add(new NpgsqlParameter<string>("agent_token", booking.AgentToken));
        p.Add(new NpgsqlParameter<string>("manage_token", booking.ManageToken));
        p.Add(new NpgsqlParameter<string>("callback_status", booking.CallbackStatus.ToString()));
        p.Add(new NpgsqlParameter<DateTimeOffset>("now", booking.CreatedAt));
        p.Add(new NpgsqlParameter<int>("seat_limit", seatLimit));
        p.Add(new NpgsqlParameter<bool>("takes_seat", !booking.Immediate));
        p.Add(Nullable("idempotency_key", idempotency?.Key));
        p.Add(Nullable("request_hash", idempotency?.RequestHash));
        p.Add(new NpgsqlParameter<string[]>("channels", [.. messages.Select(m => m.Channel)]));
        p.Add(new NpgsqlParameter<string[]>("kinds", [.. messages.Select(m => m.Kind)]));
        p.Add(new NpgsqlParameter<string?[]>("recipients", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = [.. messages.Select(m => m.Recipient)],
        });
        p.Add(new NpgsqlParameter<byte[]?[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
        {
            TypedValue = [.. messages.Select(m => m.Payload)],
        });
        p.Add(new NpgsqlParameter<string?[]>("trace_parents", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = [.. messages.Select(m => m.TraceParent)],
        });
        p.Add(new NpgsqlParameter<DateTimeOffset[]>("due_ats", [.. messages.Select(m => m.DueAt)]));
        return (int)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private static NpgsqlParameter<string?> Nullable(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { TypedValue = value };
}
