using VideoEngager.Scheduling.Availability;

namespace VideoEngager.Scheduling.UnitTests.Availability;

public sealed class QueueLeaseTests
{
    [Fact]
    public void A_revoke_of_a_newer_version_ends_the_lease()
    {
        var queue = new QueueLease();
        queue.Offer(Lease(setup: 3, seats: 7));

        queue.Revoke(CalendarVersion.Seats, 8);

        Assert.Null(queue.Lease);
    }

    [Fact]
    public void A_revoke_the_lease_already_read_leaves_it()
    {
        var queue = new QueueLease();
        var lease = Lease(setup: 3, seats: 8);
        queue.Offer(lease);

        queue.Revoke(CalendarVersion.Seats, 8);
        queue.Revoke(CalendarVersion.Setup, 2);

        Assert.Same(lease, queue.Lease);
    }

    [Fact]
    public void A_revoke_that_overtook_the_read_keeps_the_lease_from_being_taken()
    {
        var queue = new QueueLease();

        queue.Revoke(CalendarVersion.Setup, 4); // the write answered before the read's reply came in
        queue.Offer(Lease(setup: 3, seats: 7));

        Assert.Null(queue.Lease);
        var later = Lease(setup: 4, seats: 7);
        queue.Offer(later);
        Assert.Same(later, queue.Lease);
    }

    [Fact]
    public async Task Every_read_under_a_lease_is_answered_with_its_versions()
    {
        var versions = await Lease(setup: 3, seats: 7).Answer;

        Assert.Equal(new long[] { 3, 7 }, versions);
    }

    private static CalendarLease Lease(long setup, long seats) => new([setup, seats], TakenAt: 0, Epoch: 0);
}
