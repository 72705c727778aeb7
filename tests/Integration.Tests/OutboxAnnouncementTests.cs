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
        var slot = TestTenant.Slot(5, 11);
        await using var listener = new NpgsqlConnection(await app.App.GetConnectionStringAsync(ResourceNames.Database, Token));
        await listener.OpenAsync(Token);
        var heard = new List<string>();
        listener.Notification += (_, e) => heard.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {OutboxAnnouncement.NotifyChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync(Token);
        }

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var call = await new BookingRequests(app, tenant).BookAsync(slot, Token);
        var after = DateTimeOffset.UtcNow.AddSeconds(1);
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

        // Other tests book meanwhile: only announcements in this booking's window and of its kinds are looked at.
        var announced = heard.Select(p => OutboxAnnouncement.TryParse(p, out var a) ? a : throw new Xunit.Sdk.XunitException($"payload '{p}'"))
            .ToList();
        // The writing process wakes its own dispatcher; an announcement would cost every booking the notify lock.
        Assert.DoesNotContain(announced, a => a.Channel == "contact-center");
        // Invites are due at once, so the notification channel's earliest row is due now too, not at the reminder,
        // which (due days ahead) is left to the worker's next look.
        Assert.Contains(announced, a => a.Channel == "notification" && a.DueAt >= before && a.DueAt <= after);
        Assert.DoesNotContain(announced, a => a.DueAt > after);
        Assert.NotNull(call.BookingId);
    }
}
