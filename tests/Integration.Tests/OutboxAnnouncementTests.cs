using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Npgsql;
using VideoEngager.Outbox;

namespace VideoEngager.Integration.Tests;

/// <summary>The outbox trigger (a Scheduling migration) against the form both consumers read.</summary>
[Collection(AppCollection.Name)]
public sealed class OutboxAnnouncementTests(AppHostFixture app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_booking_announces_its_mails_due_now_and_neither_its_callback_nor_its_reminder()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var (call, announced) = await BookAndListenAsync(tenant, TestTenant.Slot(5, 11));

        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        Assert.NotNull(call.BookingId);
        // The writing process wakes its own dispatcher; an announcement would cost every booking the notify lock.
        Assert.DoesNotContain(announced, a => a.Channel == "contact-center");
        // Invites are due at once, so the notification channel's earliest row is due now too, not at the reminder.
        Assert.Contains(announced, a => a.Channel == "notification" && a.DueAt >= before && a.DueAt <= after);
    }

    [Fact]
    public async Task A_booking_without_mails_announces_nothing()
    {
        var tenant = await TestTenant.CreateAsync(app, capacity: 1, Token,
            flags: new { sendCustomerEmail = false, notifyAgent = false, reminderOffsetMinutes = 15 });

        var (call, announced) = await BookAndListenAsync(tenant, TestTenant.Slot(5, 11));

        // Its callback is due now and its reminder days ahead: the mail worker's next look finds the reminder.
        Assert.NotNull(call.BookingId);
        Assert.Empty(announced);
    }

    /// <summary>Books, then collects what <c>NOTIFY outbox</c> says within 3 s.</summary>
    private async Task<(BookedCall Call, List<OutboxAnnouncement> Announced)> BookAndListenAsync(TestTenant tenant, DateTime slot)
    {
        await using var listener = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
        await listener.OpenAsync(Token);
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {OutboxAnnouncement.NotifyChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync(Token);
        }

        var call = await new BookingRequests(app, tenant).BookAsync(slot, Token);
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(Token);
        quiet.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            while (true)
            {
                await listener.WaitAsync(quiet.Token);
            }
        }
        catch (OperationCanceledException) when (!Token.IsCancellationRequested)
        {
        }
        // Tests of this collection run one at a time: what is heard is this booking's.
        return (call, [.. heard.Select(p => OutboxAnnouncement.TryParse(p, out var a) ? a : throw new Xunit.Sdk.XunitException($"payload '{p}'"))]);
    }
}
