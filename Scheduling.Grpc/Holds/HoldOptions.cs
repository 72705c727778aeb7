using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Scheduling.Holds;

public sealed class HoldOptions
{
    public const string Section = "Holds";

    /// <summary>How long a hold keeps its seat while the visitor confirms.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);
}
