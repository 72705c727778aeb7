using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Google.Protobuf.WellKnownTypes;
using StackExchange.Redis;
using VideoEngager.Scheduling.V1;

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

    [Fact]
    public async Task A_seat_taken_on_one_replica_is_taken_at_once_on_the_other_though_it_answers_from_its_lease()
    {
        var token = TestContext.Current.CancellationToken;
        var tenant = await TestTenant.CreateAsync(app, capacity: 10, token);
        var channels = await SchedulingReplicas.ConnectAsync(app, expected: 2, token);
        await using var connection = await ConnectionMultiplexer.ConnectAsync((await app.App.GetConnectionStringAsync(ResourceNames.Redis, token))!);
        var redis = connection.GetDatabase();
        try
        {
            var replicas = channels.Select(c => new VideoEngager.Scheduling.V1.Scheduling.SchedulingClient(c)).ToArray();
            var slot = TestTenant.Slot(4, 10);
            var calendar = new GetAvailabilityRequest
            {
                TenantId = tenant.TenantId, QueueId = tenant.QueueId, Days = 1,
                StartDate = slot.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            };
            // A replica's first read may only start its subscription to revokes; it takes a lease from then on.
            for (var attempt = 0; attempt < 50 && await LeaseHoldersAsync(redis, tenant) < 2; attempt++)
            {
                foreach (var replica in replicas)
                {
                    await replica.GetAvailabilityAsync(calendar, cancellationToken: token);
                }
                await Task.Delay(20, token);
            }
            Assert.Equal(2, await LeaseHoldersAsync(redis, tenant)); // both now answer from memory

            // Alternately one replica takes a seat (a booking, then a hold) while the other has just answered from its lease.
            for (var round = 0; round < 6; round++)
            {
                var (writer, reader) = (replicas[round % 2], replicas[(round + 1) % 2]);
                await reader.GetAvailabilityAsync(calendar, cancellationToken: token);
                var before = Remaining(await reader.GetAvailabilityAsync(calendar, cancellationToken: token), slot);

                if (round % 4 < 2)
                {
                    await writer.CreateBookingAsync(new CreateBookingRequest
                    {
                        TenantId = tenant.TenantId, QueueId = tenant.QueueId, ScheduledTime = Timestamp.FromDateTime(slot),
                        Visitor = new Visitor { Name = "Replica Test", Email = "replica@example.com", Phone = "+971501234567", PreferredLang = "en" },
                    }, cancellationToken: token);
                }
                else
                {
                    await writer.HoldSlotAsync(new HoldSlotRequest
                    {
                        TenantId = tenant.TenantId, QueueId = tenant.QueueId, Start = Timestamp.FromDateTime(slot),
                    }, cancellationToken: token);
                }

                Assert.Equal(before - 1, Remaining(await reader.GetAvailabilityAsync(calendar, cancellationToken: token), slot));
            }
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static Task<long> LeaseHoldersAsync(IDatabase redis, TestTenant tenant) =>
        redis.HashLengthAsync($"ve:calendar-leases:{{{tenant.TenantId}:{tenant.QueueId}}}");

    private static int Remaining(GetAvailabilityReply reply, DateTime slot)
    {
        var columns = SlotColumns.Parser.ParseFrom(reply.Slots);
        var start = columns.FirstStart;
        for (var i = 0; i < columns.StepsMinutes.Count; i++)
        {
            start += columns.StepsMinutes[i] * 60L;
            if (start == new DateTimeOffset(slot, TimeSpan.Zero).ToUnixTimeSeconds())
            {
                return reply.Capacity - columns.Taken[i];
            }
        }
        throw new Xunit.Sdk.XunitException($"No slot at {slot:O} in the calendar.");
    }
}
