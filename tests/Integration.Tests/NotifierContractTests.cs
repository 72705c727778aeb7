using Aspire.Hosting.Testing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using VideoEngager.Notifications.V1;

namespace VideoEngager.Integration.Tests;

/// <summary>
/// Notifier.Worker reads nothing of Scheduling.Grpc's but its outbox rows: with Scheduling's tables renamed away, a
/// notification row still becomes its mail.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NotifierContractTests(AppHostFixture app)
{
    // Every table of Scheduling's but the outbox; a query of the notifier's that touched one would fail.
    private static readonly string[] SchedulingTables =
        ["bookings", "tenants", "tenant_api_secrets", "queues", "agent_groups", "slot_inventory", "idempotency_keys"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_notification_goes_out_from_its_outbox_row_alone_while_schedulings_tables_are_renamed()
    {
        var bookingId = "bk_contract_" + Guid.NewGuid().ToString("N")[..12];
        var visitor = $"contract.{Guid.NewGuid():N}@test.example";
        var scheduled = DateTimeOffset.UtcNow.AddDays(3);
        await using var db = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
        await db.OpenAsync(Token);
        using var mailbox = new Smtp4devMailbox(app.App);

        await RenameAsync(db, hide: true);
        try
        {
            await using (var insert = new NpgsqlCommand("""
                INSERT INTO outbox (booking_id, channel, kind, sequence, payload, due_at, created_at, attempts)
                VALUES (@booking, 'notification', 'email.customer-confirmation', 0, @payload, now(), now(), 0)
                """, db))
            {
                insert.Parameters.AddWithValue("booking", bookingId);
                insert.Parameters.AddWithValue("payload", Confirmation(bookingId, visitor, scheduled).ToByteArray());
                await insert.ExecuteNonQueryAsync(Token);
            }

            var mail = Assert.Single(await mailbox.WaitForAsync(m => m.To() == visitor, 1, TimeSpan.FromSeconds(30), Token));

            Assert.Equal("contract@bank.example", mail.From.Mailboxes.Single().Address);
            var evt = Assert.Single(mail.Invite()!.Events);
            Assert.Equal((bookingId + "@videoengager", 0), (evt.Uid, evt.Sequence));
            Assert.Equal($"https://edge.example/rooms/{bookingId}?token=customer", evt.Url!.ToString());
        }
        finally
        {
            await RenameAsync(db, hide: false);
        }
    }

    [Fact]
    public async Task A_reschedule_then_a_cancel_settle_the_notifications_they_supersede_in_their_own_transaction()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        var bookings = new BookingRequests(app, tenant);
        var call = await bookings.BookAsync(TestTenant.Slot(6, 10), Token);
        await using var db = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
        await db.OpenAsync(Token);

        await bookings.RescheduleAsync(call, TestTenant.Slot(6, 11), Token);
        var afterReschedule = await PendingRemindersAsync(db, call.BookingId);
        await bookings.CancelAsync(call, Token);
        var afterCancel = await PendingRemindersAsync(db, call.BookingId);

        // The first reminder (days ahead) gave way to the reschedule's; the cancel leaves none to go out.
        Assert.Equal([1], afterReschedule);
        Assert.Empty(afterCancel);
        await using var superseded = new NpgsqlCommand("""
            SELECT sequence, last_error FROM outbox
            WHERE booking_id = @booking AND channel = 'notification' AND kind = 'reminder' ORDER BY id
            """, db);
        superseded.Parameters.AddWithValue("booking", call.BookingId);
        await using var reader = await superseded.ExecuteReaderAsync(Token);
        var rows = new List<(int, string)>();
        while (await reader.ReadAsync(Token))
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }
        Assert.Equal([(0, "Superseded by sequence 1."), (1, "Superseded by sequence 2.")], rows);
    }

    private static async Task<List<int>> PendingRemindersAsync(NpgsqlConnection db, string bookingId)
    {
        await using var command = new NpgsqlCommand("""
            SELECT sequence FROM outbox
            WHERE booking_id = @booking AND channel = 'notification' AND kind = 'reminder' AND processed_at IS NULL
            """, db);
        command.Parameters.AddWithValue("booking", bookingId);
        var sequences = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            sequences.Add(reader.GetInt32(0));
        }
        return sequences;
    }

    private static async Task RenameAsync(NpgsqlConnection db, bool hide)
    {
        await using var transaction = await db.BeginTransactionAsync(Token);
        // Scheduling keeps serving meanwhile; a lock it holds must not stall the test for long.
        var statements = "SET LOCAL lock_timeout = '10s';" + string.Concat(SchedulingTables.Select(table => hide
            ? $"ALTER TABLE {table} RENAME TO {table}_hidden_from_notifier;"
            : $"ALTER TABLE {table}_hidden_from_notifier RENAME TO {table};"));
        await using (var rename = new NpgsqlCommand(statements, db, transaction))
        {
            await rename.ExecuteNonQueryAsync(Token);
        }
        await transaction.CommitAsync(Token);
    }

    private static BookingNotification Confirmation(string bookingId, string visitor, DateTimeOffset scheduled) => new()
    {
        Kind = NotificationKind.CustomerConfirmation,
        Recipient = new Addressee { Name = "Contract Visitor", Email = visitor, Lang = "en" },
        Booking = new BookingFacts
        {
            BookingId = bookingId,
            TenantId = "contract",
            TenantName = "Contract Bank",
            SenderEmail = "contract@bank.example",
            QueueName = "Contract queue",
            TimeZone = "Europe/London",
            ScheduledTime = Timestamp.FromDateTimeOffset(scheduled),
            DurationMinutes = 30,
            VisitorName = "Contract Visitor",
            VisitorEmail = visitor,
            PreferredLang = "en",
            Links = new RoomLinks
            {
                CustomerRoom = $"https://edge.example/rooms/{bookingId}?token=customer",
                AgentRoom = $"https://edge.example/rooms/{bookingId}?token=agent",
                Manage = $"https://edge.example/bookings/{bookingId}?token=manage",
            },
        },
    };
}
