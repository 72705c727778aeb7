using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Npgsql;

namespace VideoEngager.Integration.Tests;

/// <summary>Settled outbox messages past their retention (7 days) are deleted; pending and recent ones are kept.</summary>
[Collection(AppCollection.Name)]
public sealed class OutboxRetentionTests(AppHostFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Old_sent_and_parked_messages_go_while_pending_and_recent_ones_stay()
    {
        var booking = "bk_retention_" + Guid.NewGuid().ToString("N")[..12];
        await using var db = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
        await db.OpenAsync(Token);
        // The pending one is a reminder due far ahead, so no consumer touches it meanwhile.
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO outbox (booking_id, channel, kind, sequence, recipient, due_at, created_at, attempts, processed_at, failed_at)
            VALUES (@b, 'notification', 'old-sent', 0, NULL, now() - interval '30 days', now() - interval '30 days', 1, now() - interval '30 days', NULL),
                   (@b, 'notification', 'old-parked', 0, NULL, now() - interval '30 days', now() - interval '30 days', 5, NULL, now() - interval '29 days'),
                   (@b, 'notification', 'old-pending', 0, NULL, now() + interval '300 days', now() - interval '30 days', 0, NULL, NULL),
                   (@b, 'notification', 'recent-sent', 0, NULL, now() - interval '1 day', now() - interval '1 day', 1, now() - interval '1 day', NULL)
            """, db))
        {
            insert.Parameters.AddWithValue("b", booking);
            await insert.ExecuteNonQueryAsync(Token);
        }
        try
        {
            var left = await KindsAsync(db, booking);
            for (var waited = 0; left.Count > 2 && waited < 60; waited++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), Token);
                left = await KindsAsync(db, booking);
            }

            Assert.Equal(["old-pending", "recent-sent"], left);
        }
        finally
        {
            await using var cleanup = new NpgsqlCommand("DELETE FROM outbox WHERE booking_id = @b", db);
            cleanup.Parameters.AddWithValue("b", booking);
            await cleanup.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<List<string>> KindsAsync(NpgsqlConnection db, string booking)
    {
        await using var select = new NpgsqlCommand("SELECT kind FROM outbox WHERE booking_id = @b ORDER BY kind", db);
        select.Parameters.AddWithValue("b", booking);
        var kinds = new List<string>();
        await using var reader = await select.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            kinds.Add(reader.GetString(0));
        }
        return kinds;
    }
}
