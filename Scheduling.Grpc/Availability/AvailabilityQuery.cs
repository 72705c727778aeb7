using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.V1;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.Availability;

/// <summary>Answers a queue's calendar for a range of local days.</summary>
internal sealed class AvailabilityQuery(SchedulingDbContext db, TimeProvider clock)
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

        var queue = await db.Queues.AsNoTracking()
            .SingleOrDefaultAsync(q => q.TenantId == request.TenantId && q.Id == request.QueueId, cancellationToken)
            ?? throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"Queue '{request.QueueId}' was not found."));

        var calendar = QueueCalendar.For(queue);
        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var firstDay = startDate ?? now.InZone(calendar.Zone).Date;
        var slots = AvailabilityCalculator.Compute(calendar, firstDay, days, now, new Dictionary<Instant, int>());

        var reply = new GetAvailabilityReply
        {
            QueueId = queue.Id,
            TimeZone = queue.TimeZone,
            IntervalMinutes = queue.IntervalMinutes,
        };
        reply.Slots.AddRange(slots.Select(ToMessage));
        return reply;
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
