using Grpc.Core;
using Microsoft.Extensions.Caching.Memory;
using VideoEngager.Tenancy.V1;

namespace VideoEngager.Escalation.Tenancy;

public sealed record WidgetTenant(string TenantId, IReadOnlyList<string> AllowedOrigins)
{
    /// <summary>No <c>Origin</c> (a server or curl) is allowed; a browser's must be on the tenant's list when it has one.</summary>
    public bool Allows(string? origin) =>
        string.IsNullOrEmpty(origin)
        || AllowedOrigins.Count == 0
        || AllowedOrigins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
}

/// <summary>Resolves widget keys through Scheduling.Grpc, caching answers briefly: every widget call needs one.</summary>
internal sealed class TenantDirectory(Tenants.TenantsClient tenants, IMemoryCache cache)
{
    private static readonly TimeSpan KnownKeyLifetime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan UnknownKeyLifetime = TimeSpan.FromSeconds(10);

    public async Task<WidgetTenant?> FindByWidgetKeyAsync(string widgetKey, CancellationToken cancellationToken)
    {
        var cacheKey = "widget-key:" + widgetKey;
        if (cache.TryGetValue(cacheKey, out WidgetTenant? cached))
        {
            return cached;
        }

        WidgetTenant? tenant;
        try
        {
            var reply = await tenants.AuthenticateWidgetAsync(
                new AuthenticateWidgetRequest { WidgetKey = widgetKey }, cancellationToken: cancellationToken);
            tenant = new WidgetTenant(reply.TenantId, [.. reply.AllowedOrigins]);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            tenant = null;
        }
        cache.Set(cacheKey, tenant, new MemoryCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = tenant is null ? UnknownKeyLifetime : KnownKeyLifetime,
            Size = 1,
        });
        return tenant;
    }
}
