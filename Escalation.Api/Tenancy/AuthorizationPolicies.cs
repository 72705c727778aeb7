namespace VideoEngager.Escalation.Tenancy;

internal static class AuthorizationPolicies
{
    /// <summary>A call from a tenant's widget, authenticated by its widget key.</summary>
    public const string Widget = "widget";

    /// <summary>A call from a tenant's server, authenticated by HTTP Basic with the tenant id and an API secret.</summary>
    public const string TenantServer = "tenant-server";
}
