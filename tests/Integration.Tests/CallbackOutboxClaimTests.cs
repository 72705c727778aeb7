extern alias scheduling;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using scheduling::VideoEngager.Scheduling.ContactCenter;
using scheduling::VideoEngager.Scheduling.Persistence;

namespace VideoEngager.Integration.Tests;

/// <summary>
/// The contact-center claim against the real schema behind a backlog the planner has not seen: statistics taken while
/// the table was empty, as after a burst of bookings. Runs in a scratch copy of <c>outbox</c> so the live dispatcher
/// is not involved.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CallbackOutboxClaimTests(AppHostFixture app) : IAsyncLifetime
{
    private const int Bookings = 10_000;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly string _schema = "claim_" + Guid.NewGuid().ToString("N")[..8];
    private NpgsqlConnection _connection = null!;
    private SchedulingDbContext _db = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await app.App.GetConnectionStringAsync(ResourceNames.Database, Token);
        _connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = _schema }.ToString());
        await _connection.OpenAsync(Token);
        // Each booking: its create due a minute ago, then an update that must follow it. The first 100 creates are
        // leased by another dispatcher.
        await ExecuteAsync($"""
            CREATE SCHEMA {_schema};
            CREATE TABLE outbox (LIKE public.outbox INCLUDING ALL) WITH (autovacuum_enabled = off);
            ANALYZE outbox;
            INSERT INTO outbox (booking_id, channel, kind, sequence, due_at, created_at, attempts, locked_until)
            SELECT 'bk_' || n, 'contact-center', 'callback.create', 0, @due + n * interval '1 ms', @due, 0,
                   CASE WHEN n <= 100 THEN @now + interval '1 minute' END
            FROM generate_series(1, {Bookings}) AS n;
            INSERT INTO outbox (booking_id, channel, kind, sequence, due_at, created_at, attempts, follows_id)
            SELECT booking_id, 'contact-center', 'callback.update', 1, due_at, created_at, 0, id FROM outbox;
            """);
        _db = new SchedulingDbContext(new DbContextOptionsBuilder<SchedulingDbContext>()
            .UseNpgsql(_connection).UseSnakeCaseNamingConvention().Options);
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync($"DROP SCHEMA {_schema} CASCADE");
        await _db.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task The_claim_takes_the_earliest_free_creates_and_reads_only_a_few_rows()
    {
        await using var transaction = await _connection.BeginTransactionAsync(Token);
        await _db.Database.UseTransactionAsync(transaction, Token);
        var readBefore = await RowsReadAsync();

        var claimed = await new CallbackOutbox(_db).ClaimAsync(Now, Now.AddMinutes(2), 20, Token);

        // Past the leased ones, in due order, and no update before its create is done.
        Assert.Equal(Enumerable.Range(101, 20).Select(n => "bk_" + n), claimed.OrderBy(m => m.DueAt).Select(m => m.BookingId));
        Assert.All(claimed, m => Assert.Equal("callback.create", m.Kind));
        // Before, the in-order rule became a join over the whole backlog: ~10^8 row visits for one claim.
        Assert.InRange(await RowsReadAsync() - readBefore, 1, 2_000);
    }

    [Fact]
    public async Task An_update_is_claimed_once_the_create_it_follows_is_done_and_next_due_skips_the_waiting()
    {
        await ExecuteAsync($"UPDATE outbox SET processed_at = @now WHERE booking_id = 'bk_101' AND kind = 'callback.create'");
        var outbox = new CallbackOutbox(_db);

        var due = await outbox.NextDueAsync(Now, Token);
        var claimed = await outbox.ClaimOfBookingAsync(Now, Now.AddMinutes(2), "bk_101", Token);
        var waiting = await outbox.ClaimOfBookingAsync(Now, Now.AddMinutes(2), "bk_102", Token);

        // bk_101's update is due with bk_101's create time, the earliest free one left (1–100 are leased).
        Assert.Equal(Now.AddMinutes(-1).AddMilliseconds(101).ToUnixTimeMilliseconds(), due?.ToUnixTimeMilliseconds());
        Assert.Equal("callback.update", Assert.Single(claimed).Kind);
        Assert.Equal("callback.create", Assert.Single(waiting).Kind);
    }

    /// <summary>Rows this session read from the table, as its statistics will report them (not yet flushed).</summary>
    private async Task<long> RowsReadAsync()
    {
        await using var command = new NpgsqlCommand(
            "SELECT COALESCE(seq_tup_read, 0) + COALESCE(idx_tup_fetch, 0) FROM pg_stat_xact_user_tables WHERE relid = 'outbox'::regclass",
            _connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        command.Parameters.AddWithValue("now", Now);
        command.Parameters.AddWithValue("due", Now.AddMinutes(-1));
        await command.ExecuteNonQueryAsync(Token);
    }
}
