namespace VideoEngager.Integration.Tests;

[Collection(ReplicatedCollection.Name)]
public sealed class ReplicatedNotificationTests(ReplicatedAppHostFixture app)
{
    [Fact]
    public async Task Two_notifier_replicas_send_every_message_exactly_once()
    {
        var token = TestContext.Current.CancellationToken;
        var tenant = await TestTenant.CreateAsync(app, capacity: 10, token);
        var bookings = new BookingRequests(app, tenant);

        // Concurrent bookings, so both replicas are woken by the same notifications and race for the rows.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => bookings.BookAsync(TestTenant.Slot(3, 10), token)));
        using var mailbox = new Smtp4devMailbox(app.App);
        await mailbox.WaitForAsync(m => m.IsFrom(tenant), 20, TimeSpan.FromSeconds(60), token);
        await Task.Delay(TimeSpan.FromSeconds(3), token);
        var mails = (await mailbox.AllAsync(token)).Where(m => m.IsFrom(tenant)).ToList();

        Assert.Equal(20, mails.Count);
        Assert.Equal(20, mails.Select(m => m.MessageId).Distinct().Count());
    }
}
