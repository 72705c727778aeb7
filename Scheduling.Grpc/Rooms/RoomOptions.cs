using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Scheduling.Rooms;

/// <summary>When a scheduled booking's video room lets its parties in.</summary>
public sealed class RoomOptions
{
    public const string Section = "Rooms";

    /// <summary>How long before the scheduled time the room opens.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan OpensBefore { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long after the scheduled time (or an escalation's creation) the room stays open.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ClosesAfter { get; set; } = TimeSpan.FromHours(2);
}
