using VideoEngager.Scheduling.ContactCenter;

namespace VideoEngager.Scheduling.UnitTests.ContactCenter;

public sealed class GenesysOptionsTests
{
    private static readonly GenesysOptionsValidation Validation = new();

    [Fact]
    public void A_region_gives_the_api_and_login_hosts()
    {
        var options = new GenesysOptions { Region = "mec1.pure.cloud", ClientId = "id", ClientSecret = "secret" };

        Assert.True(Validation.Validate(null, options).Succeeded);
        Assert.Equal("https://api.mec1.pure.cloud/", options.ApiBase.ToString());
        Assert.Equal("https://login.mec1.pure.cloud/", options.LoginBase.ToString());
    }

    [Fact]
    public void Explicit_base_addresses_stand_in_for_a_region()
    {
        var options = new GenesysOptions { ApiBaseUrl = "http://localhost:5090", LoginBaseUrl = "http://localhost:5090", ClientId = "id", ClientSecret = "s" };

        Assert.True(Validation.Validate(null, options).Succeeded);
        Assert.Equal("http://localhost:5090/", options.ApiBase.ToString());
    }

    [Theory]
    [InlineData(null, null, "id", "secret")]
    [InlineData("not a region", null, "id", "secret")]
    [InlineData(null, "ftp://x", "id", "secret")]
    [InlineData("mypurecloud.ie", null, "", "secret")]
    [InlineData("mypurecloud.ie", null, "id", "")]
    public void Missing_or_malformed_settings_fail_at_start(string? region, string? apiBase, string clientId, string secret)
    {
        var options = new GenesysOptions { Region = region, ApiBaseUrl = apiBase, ClientId = clientId, ClientSecret = secret };

        Assert.True(Validation.Validate(null, options).Failed);
    }
}
