using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace VideoEngager.Scheduling.Bookings;

/// <summary>Domain refusals as gRPC statuses with a machine-readable reason the edge maps to HTTP.</summary>
internal static class BookingErrors
{
    public const string Domain = "scheduling.videoengager";
    public const string SlotFull = "SLOT_FULL";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string BookingCancelled = "BOOKING_CANCELLED";
    public const string NotReschedulable = "NOT_RESCHEDULABLE";
    public const string RoomNotOpen = "ROOM_NOT_OPEN";

    public static RpcException Refused(string reason, string message) => new Google.Rpc.Status
    {
        Code = (int)Code.FailedPrecondition,
        Message = message,
        Details = { Any.Pack(new ErrorInfo { Reason = reason, Domain = Domain }) },
    }.ToRpcException();

    public static RpcException NotFound(string what) =>
        new(new Grpc.Core.Status(StatusCode.NotFound, $"{what} was not found."));
}
