using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Genesys.Emulator.Routing;

internal sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>How long an offer alerts an agent before it goes to the next one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the engine looks for due callbacks and expired offers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
