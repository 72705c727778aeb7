using Grpc.Core;
using Microsoft.Extensions.Caching.Memory;
using NodaTime;
using NodaTime.Text;
using VideoEngager.Scheduling.V1;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.Availability;

/// <summary>Answers a queue's calendar for a range of local days.</summary>
internal sealed class AvailabilityQuery(QueueSnapshots snapshots, IMemoryCache answers, TimeProvider clock)
{
    public const int DefaultDays = 14;
    public const int MaxDays = 31;
    public const int MaxStartDaysAhead = 366 + 31;

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
        violations.ThrowIfAny();

        var (setup, seats) = await snapshots.GetCalendarStateAsync(request.TenantId, request.QueueId, cancellationToken);
        if (setup is null)
        {
            throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"Queue '{request.QueueId}' was not found."));
        }

        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var today = now.InZone(setup.Calendar.Zone).Date;
        var firstDay = startDate ?? today;
        // Past yesterday nothing is open, and past a year and a month nothing can be; both bound the work.
        if (firstDay < today.PlusDays(-1) || firstDay > today.PlusDays(MaxStartDaysAhead))
        {
            new FieldViolations().Add("start", $"Start must be between yesterday and {MaxStartDaysAhead} days ahead.").ThrowIfAny();
        }
        // The same calendar, for the same versions within the same second, is the same answer.
        var state = (setup.Version, seats.Version, Second: now.ToUnixTimeSeconds());
        var cacheKey = (request.TenantId, request.QueueId, firstDay, days);
        if (setup.Version >= 0 && seats.Version >= 0
            && answers.TryGetValue(cacheKey, out CachedAnswer? cached) && cached!.State == state)
        {
            return cached.Reply;
        }

        var slots = AvailabilityCalculator.Compute(setup.Calendar, firstDay, days, now, seats.TakenAt(now));
        var reply = new GetAvailabilityReply
        {
            QueueId = setup.Queue.Id,
            TimeZone = setup.Queue.TimeZone,
            IntervalMinutes = setup.Queue.IntervalMinutes,
            Capacity = setup.Queue.Capacity,
            Slots = SlotColumnsEncoding.Encode(slots, setup.Queue.Capacity),
        };
        answers.Set(cacheKey, new CachedAnswer(state, reply), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(1) });
        return reply;
    }

    private sealed record CachedAnswer((long Setup, long Seats, long Second) State, GetAvailabilityReply Reply);
}
