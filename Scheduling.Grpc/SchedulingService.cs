using Grpc.Core;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Scheduling;

/// <summary>The gRPC face of the booking domain; each call is handled by its feature.</summary>
internal sealed class SchedulingService(AvailabilityQuery availability) : V1.Scheduling.SchedulingBase
{
    public override Task<GetAvailabilityReply> GetAvailability(GetAvailabilityRequest request, ServerCallContext context) =>
        availability.GetAsync(request, context.CancellationToken);
}
