using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// Section <c>Genesys</c>: which org to call and as which OAuth client. Either a region domain
/// (<c>mypurecloud.ie</c>, <c>mec1.pure.cloud</c>) or explicit base addresses (the emulator serves both from one).
/// </summary>
public sealed class GenesysOptions
{
    public const string Section = "Genesys";

    public string? Region { get; set; }
    public string? ApiBaseUrl { get; set; }
    public string? LoginBaseUrl { get; set; }
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";

    /// <summary>One HTTP attempt's limit; the dispatcher retries later, never this client.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A token is renewed this long before it expires (at most half its lifetime).</summary>
    public TimeSpan TokenRenewalMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a queue, skill or language id looked up by name is trusted.</summary>
    public TimeSpan RoutingCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a name the org lacks is remembered, so that a misconfigured queue costs one look-up a minute.</summary>
    public TimeSpan MissingRoutingCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Language code → the org's routing language name.</summary>
    public Dictionary<string, string> Languages { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = "Arabic",
        ["en"] = "English",
    };

    public Uri ApiBase => Base(ApiBaseUrl, "api");
    public Uri LoginBase => Base(LoginBaseUrl, "login");

    // A trailing slash keeps a base path when relative paths are resolved against it.
    private Uri Base(string? explicitUrl, string host) =>
        new((explicitUrl is { Length: > 0 } url ? url : $"https://{host}.{Region}").TrimEnd('/') + "/");
}

internal sealed partial class GenesysOptionsValidation : IValidateOptions<GenesysOptions>
{
    public ValidateOptionsResult Validate(string? name, GenesysOptions options)
    {
        var errors = new List<string>();
        var hasRegion = !string.IsNullOrWhiteSpace(options.Region);
        if (hasRegion && !RegionPattern().IsMatch(options.Region!))
        {
            errors.Add("Genesys:Region must be a region domain such as mypurecloud.ie or mec1.pure.cloud.");
        }
        foreach (var (key, value) in new[] { ("ApiBaseUrl", options.ApiBaseUrl), ("LoginBaseUrl", options.LoginBaseUrl) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                if (!hasRegion)
                {
                    errors.Add($"Genesys:{key} is required when Genesys:Region is not set.");
                }
            }
            else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add($"Genesys:{key} must be an absolute http(s) URL.");
            }
        }
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            errors.Add("Genesys:ClientId and Genesys:ClientSecret (an OAuth client-credentials client) are required.");
        }
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add("Genesys:RequestTimeout must be positive.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", RegexOptions.IgnoreCase)]
    private static partial Regex RegionPattern();
}
