namespace VideoEngager.Escalation.Tenancy;

internal static class AuthorizationPolicies
{
    /// <summary>A call from a tenant's widget, authenticated by its widget key.</summary>
    public const string Widget = "widget";
}
