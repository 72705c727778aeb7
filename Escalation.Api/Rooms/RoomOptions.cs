using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Escalation.Rooms;

/// <summary>The video room's media and signalling settings.</summary>
public sealed class RoomOptions
{
    public const string Section = "Rooms";

    /// <summary>STUN and TURN servers handed to the room's peer connection.</summary>
    public List<IceServerOptions> IceServers { get; set; } = [];

    /// <summary>
    /// The secret shared with the TURN server (coturn's <c>static-auth-secret</c>): per-booking credentials are derived
    /// from it, so it never reaches a page.
    /// </summary>
    public string? TurnSecret { get; set; }

    /// <summary>How long a TURN credential handed to a page is valid.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TurnCredentialLifetime { get; set; } = TimeSpan.FromHours(3);

    /// <summary>The largest signalling message accepted (an SDP offer with its candidates is a few KB).</summary>
    [Range(1024, 1 << 20)]
    public int MaxMessageBytes { get; set; } = 32 * 1024;

    /// <summary>Signalling messages a connection may send per second on average, and in a burst.</summary>
    [Range(1, 10_000)]
    public int MessagesPerSecond { get; set; } = 20;

    [Range(1, 10_000)]
    public int MessageBurst { get; set; } = 200;
}

public sealed class IceServerOptions
{
    [MinLength(1)]
    public List<string> Urls { get; set; } = [];

    /// <summary>A TURN server that checks credentials derived from <see cref="RoomOptions.TurnSecret"/>.</summary>
    public bool UsesTurnSecret { get; set; }
}
