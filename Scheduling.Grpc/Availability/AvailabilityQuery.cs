using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NodaTime;
using NodaTime.Text;
using VideoEngager.Scheduling.V1;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.Availability;

/// <summary>Answers a queue's calendar for a range of local days.</summary>
internal sealed class AvailabilityQuery(QueueSnapshots snapshots, TimeProvider clock)
{
    public const int DefaultDays = 14;
    public const int MaxDays = 31;

    public async Task<GetAvailabilityReply> GetAsync(GetAvailabilityRequest request, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        if (string.IsNullOrWhiteSpace(request.QueueId))
        {
            violations.Add("queueId", "A queue id is required.");
        }
        var days = request.Days == 0 ? DefaultDays : request.Days;
        if (days is < 1 or > MaxDays)
        {
            violations.Add("days", $"Days must be between 1 and {MaxDays}.");
        }
        LocalDate? startDate = null;
        if (!string.IsNullOrEmpty(request.StartDate))
        {
            var parsed = LocalDatePattern.Iso.Parse(request.StartDate);
            if (parsed.Success)
            {
                startDate = parsed.Value;
            }
            else
            {
                violations.Add("start", "Start must be a date as yyyy-MM-dd.");
            }
        }
        if (!string.IsNullOrEmpty(request.Lang) && !IsKnownCulture(request.Lang))
        {
            violations.Add("lang", "Lang must be a culture name such as 'en' or 'ar'.");
        }
        violations.ThrowIfAny();

        var (snapshot, holds) = await snapshots.GetAsync(request.TenantId, request.QueueId, cancellationToken);
        if (snapshot is null)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"Queue '{request.QueueId}' was not found."));
        }

        var queue = snapshot.Queue;
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var firstDay = startDate ?? now.InZone(snapshot.Calendar.Zone).Date;
        var slots = AvailabilityCalculator.Compute(snapshot.Calendar, firstDay, days, now, SeatsTaken(snapshot.Booked, holds));

        var reply = new GetAvailabilityReply
        {
            QueueId = queue.Id,
            TimeZone = queue.TimeZone,
            IntervalMinutes = queue.IntervalMinutes,
        };
        reply.Slots.AddRange(slots.Select(ToMessage));
        return reply;
    }

    internal static IReadOnlyDictionary<Instant, int> SeatsTaken(
        IReadOnlyDictionary<Instant, int> booked, IReadOnlyDictionary<Instant, int> holds)
    {
        if (holds.Count == 0)
        {
            return booked;
        }
        var taken = new Dictionary<Instant, int>(booked);
        foreach (var (slot, count) in holds)
        {
            taken[slot] = taken.GetValueOrDefault(slot) + count;
        }
        return taken;
    }

    private static Slot ToMessage(CalendarSlot slot) => new()
    {
        Start = Timestamp.FromDateTimeOffset(slot.Start.ToDateTimeOffset()),
        End = Timestamp.FromDateTimeOffset(slot.End.ToDateTimeOffset()),
        Capacity = slot.Capacity,
        Remaining = slot.Remaining,
        Status = slot.State switch
        {
            SlotState.Open => SlotStatus.Open,
            SlotState.Full => SlotStatus.Full,
            _ => SlotStatus.Closed,
        },
        EstimatedWaitMinutes = slot.EstimatedWaitMinutes,
    };

    private static bool IsKnownCulture(string name)
    {
        try
        {
            return !CultureInfo.GetCultureInfo(name, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
