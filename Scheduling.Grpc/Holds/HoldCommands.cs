using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using StackExchange.Redis;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.V1;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.Holds;

/// <summary>Keeps a seat for a visitor while they fill in their details.</summary>
internal sealed class HoldCommands(
    SchedulingDbContext db, QueueSnapshots snapshots, SlotHolds holds, TimeProvider clock, ILogger<HoldCommands> logger)
{
    public async Task<HoldSlotReply> HoldAsync(HoldSlotRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrWhiteSpace(request.QueueId))
        {
            violations.Add("queueId", "A queue id is required.");
        }
        if (request.Start is null)
        {
            violations.Add("start", "The slot's start is required.");
        }
        violations.ThrowIfAny();

        var setup = await snapshots.GetSetupAsync(request.TenantId, request.QueueId, cancellationToken);
        if (setup is null)
        {
            throw BookingErrors.NotFound($"Queue '{request.QueueId}'");
        }
        var start = request.Start!.ToDateTimeOffset();
        var check = SlotChecks.Check(setup.Calendar, Instant.FromDateTimeOffset(start), Instant.FromDateTimeOffset(clock.GetUtcNow()));
        if (check != SlotCheck.Bookable)
        {
            violations.Add("start", SlotChecks.Describe(check, setup.Calendar, "Start"));
        }
        violations.ThrowIfAny();

        var booked = await db.SlotInventory.AsNoTracking()
            .Where(s => s.TenantId == request.TenantId && s.QueueId == request.QueueId && s.SlotStart == start)
            .Select(s => s.Booked)
            .SingleOrDefaultAsync(cancellationToken);
        SlotHold? hold;
        try
        {
            hold = await holds.TryTakeAsync(request.TenantId, request.QueueId, Instant.FromDateTimeOffset(start), setup.Queue.Capacity - booked);
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            SchedulingLog.RedisUnavailable(logger, e.GetType().Name);
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "Holds are unavailable; book directly."));
        }
        if (hold is null)
        {
            throw BookingErrors.Refused(BookingErrors.SlotFull, "The slot is full.");
        }
        await snapshots.SeatsChangedAsync(request.TenantId, request.QueueId);
        return new HoldSlotReply { HoldId = hold.HoldId, ExpiresAt = Timestamp.FromDateTimeOffset(hold.ExpiresAt.ToDateTimeOffset()) };
    }

    public async Task<ReleaseHoldReply> ReleaseAsync(ReleaseHoldRequest request)
    {
        try
        {
            var hold = await holds.FindAsync(request.TenantId, request.HoldId)
                ?? throw BookingErrors.NotFound("Hold");
            await holds.ReleaseAsync(hold);
            await snapshots.SeatsChangedAsync(hold.TenantId, hold.QueueId);
            return new ReleaseHoldReply { Released = true };
        }
        catch (Exception e) when (RedisFault.Is(e))
        {
            SchedulingLog.RedisUnavailable(logger, e.GetType().Name);
            throw new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "Holds are unavailable."));
        }
    }
}
