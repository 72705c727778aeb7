using Grpc.Core;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Holds;
using VideoEngager.Scheduling.Interactions;
using VideoEngager.Scheduling.Rooms;
using VideoEngager.Notifications.V1;
using VideoEngager.Scheduling.V1;

namespace VideoEngager.Scheduling;

/// <summary>The gRPC face of the booking domain; each call is handled by its feature.</summary>
internal sealed class SchedulingService(
    AvailabilityQuery availability, HoldCommands holdCommands, BookingCommands bookings, InteractionQuery interactions,
    RoomCommands rooms)
    : V1.Scheduling.SchedulingBase
{
    private static readonly Task<PingReply> Pong = Task.FromResult(new PingReply());

    public override Task<GetAvailabilityReply> GetAvailability(GetAvailabilityRequest request, ServerCallContext context) =>
        availability.GetAsync(request, context.CancellationToken);

    public override Task<HoldSlotReply> HoldSlot(HoldSlotRequest request, ServerCallContext context) =>
        holdCommands.HoldAsync(request, context.CancellationToken);

    public override Task<ReleaseHoldReply> ReleaseHold(ReleaseHoldRequest request, ServerCallContext context) =>
        holdCommands.ReleaseAsync(request);

    public override Task<BookingReply> CreateBooking(CreateBookingRequest request, ServerCallContext context) =>
        bookings.CreateAsync(request, context.CancellationToken);

    public override Task<BookingReply> GetBooking(BookingRef request, ServerCallContext context) =>
        bookings.GetAsync(request, context.CancellationToken);

    public override Task<BookingNotification> GetCustomerInvite(BookingRef request, ServerCallContext context) =>
        bookings.GetCustomerInviteAsync(request, context.CancellationToken);

    public override Task<BookingReply> CancelBooking(BookingRef request, ServerCallContext context) =>
        bookings.CancelAsync(request, context.CancellationToken);

    public override Task<BookingReply> RescheduleBooking(RescheduleBookingRequest request, ServerCallContext context) =>
        bookings.RescheduleAsync(request, context.CancellationToken);

    public override Task<InteractionStatusReply> GetInteractionStatus(BookingRef request, ServerCallContext context) =>
        interactions.GetAsync(request, context.CancellationToken);

    public override Task<RoomReply> EnterRoom(RoomRef request, ServerCallContext context) =>
        rooms.EnterAsync(request, context.CancellationToken);

    public override Task<RoomReply> RecordPresence(RecordPresenceRequest request, ServerCallContext context) =>
        rooms.RecordPresenceAsync(request, context.CancellationToken);

    public override Task<PingReply> Ping(PingRequest request, ServerCallContext context) => Pong;
}
