using Microsoft.Extensions.Options;
using VideoEngager.Genesys.Emulator.Auth;
using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.UnitTests.Auth;

public sealed class OptionsValidationTests
{
    [Fact]
    public void The_emulator_needs_at_least_one_oauth_client() =>
        Assert.True(new DataAnnotationValidateOptions<OAuthOptions>(null).Validate(null, new OAuthOptions()).Failed);

    [Fact]
    public void The_default_client_passes() =>
        Assert.True(new DataAnnotationValidateOptions<OAuthOptions>(null)
            .Validate(null, new OAuthOptions { Clients = new() { ["local-client"] = "local-secret" } }).Succeeded);

    [Theory]
    [InlineData(0, false)]
    [InlineData(30, true)]
    [InlineData(7200, false)]
    public void An_offer_timeout_must_be_between_a_second_and_an_hour(int seconds, bool valid) =>
        Assert.Equal(valid, new DataAnnotationValidateOptions<RoutingOptions>(null)
            .Validate(null, new RoutingOptions { OfferTimeout = TimeSpan.FromSeconds(seconds) }).Succeeded);
}
