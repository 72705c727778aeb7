using VideoEngager.Escalation.Tenancy;

namespace VideoEngager.Escalation.UnitTests.Tenancy;

public sealed class WidgetTenantTests
{
    private static readonly WidgetTenant Demo = new("demo", ["http://localhost:5080", "https://shop.example"]);

    [Theory]
    [InlineData(null, true)]                       // server-to-server: no Origin header
    [InlineData("", true)]
    [InlineData("https://shop.example", true)]
    [InlineData("https://SHOP.example/", true)]
    [InlineData("https://evil.example", false)]
    [InlineData("http://localhost:5081", false)]
    public void Origins_are_checked_against_the_tenant_list(string? origin, bool allowed) =>
        Assert.Equal(allowed, Demo.Allows(origin));

    [Fact]
    public void A_tenant_without_an_origin_list_allows_any_origin() =>
        Assert.True(new WidgetTenant("open", []).Allows("https://anywhere.example"));
}
