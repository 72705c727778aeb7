using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace VideoEngager.Escalation;

public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxies";

    /// <summary>
    /// Networks (CIDR) of the reverse proxies or load balancers in front of the API: their <c>X-Forwarded-For</c> names
    /// the client. Proxies on this machine (loopback) are always trusted; nobody else's header is.
    /// </summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownNetworks.Where(network => !IPNetwork.TryParse(network, out _))
            .Select(network => new ValidationResult($"'{network}' is not a network such as 10.0.0.0/8.", [nameof(KnownNetworks)]));
}

/// <summary>
/// The client's own address behind a trusted proxy, so the per-client rate limit is per visitor, not one bucket for
/// everybody behind the load balancer.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddValidatedOptions<ProxyOptions>(ProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
