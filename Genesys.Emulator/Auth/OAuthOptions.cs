using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Genesys.Emulator.Auth;

/// <summary>The OAuth clients the emulator accepts (client id → secret) and how long their tokens live.</summary>
internal sealed class OAuthOptions
{
    public const string Section = "OAuth";

    [Required, MinLength(1)]
    public Dictionary<string, string> Clients { get; set; } = [];

    /// <summary>What the platform answers for client-credentials tokens.</summary>
    [Range(1, 31_536_000)]
    public int TokenLifetimeSeconds { get; set; } = 86_399;
}
