using System.Text.Json.Serialization;

namespace VideoEngager.Scheduling.Queues;

/// <summary>A local opening range. A <see cref="To"/> not after <see cref="From"/> runs past midnight into the next day.</summary>
public sealed record TimeRange(TimeOnly From, TimeOnly To)
{
    [JsonIgnore]
    public int StartMinute => From.Hour * 60 + From.Minute;

    /// <summary>Minutes from the owning day's midnight; past 1440 when the range crosses midnight.</summary>
    [JsonIgnore]
    public int EndMinute => To > From ? To.Hour * 60 + To.Minute : 1440 + To.Hour * 60 + To.Minute;
}

/// <summary>Hours on one date that replace the weekly hours; no hours means closed all day.</summary>
public sealed record DateOverride(DateOnly Date, IReadOnlyList<TimeRange> Hours);

/// <summary>A queue's weekly opening hours and its date overrides (holidays, special days).</summary>
public sealed record OpeningHours(
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<TimeRange>> Weekly,
    IReadOnlyList<DateOverride> DateOverrides)
{
    public static OpeningHours Closed { get; } = new(new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>>(), []);

    public IReadOnlyList<TimeRange> On(DateOnly date)
    {
        foreach (var dateOverride in DateOverrides)
        {
            if (dateOverride.Date == date)
            {
                return dateOverride.Hours;
            }
        }
        return Weekly.TryGetValue(date.DayOfWeek, out var hours) ? hours : [];
    }
}
