using System.Net;

namespace VideoEngager.Integration.Tests;

[Collection(ReplicatedCollection.Name)]
public sealed class ReplicatedBookingTests(ReplicatedAppHostFixture app)
{
    [Fact]
    public async Task Two_scheduling_replicas_still_give_exactly_three_bookings_of_fifty()
    {
        var token = TestContext.Current.CancellationToken;
        var tenant = await TestTenant.CreateAsync(app, capacity: 3, token);

        var statuses = await BookingLoad.CreateConcurrentlyAsync(app, tenant, TestTenant.Slot(3, 10), 50, token);

        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(47, statuses.Count(s => s == HttpStatusCode.Conflict));
    }
}
