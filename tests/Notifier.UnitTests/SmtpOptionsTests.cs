using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VideoEngager.Notifier.Email;
using VideoEngager.Notifications;
using VideoEngager.Notifier.Notifications;

namespace VideoEngager.Notifier.UnitTests;

public class SmtpOptionsTests
{
    private static SmtpOptions Resolve(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddNotifications();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<SmtpOptions>>().Value;
    }

    [Fact]
    public void The_aspire_service_reference_gives_host_and_port()
    {
        var options = Resolve(("services:smtp:smtp:0", "smtp://localhost:2525"));

        Assert.Equal("localhost", options.Host);
        Assert.Equal(2525, options.Port);
        Assert.Equal(SecureSocketOptions.StartTlsWhenAvailable, options.Security);
    }

    [Fact]
    public void Smtps_means_implicit_tls_on_465_by_default()
    {
        var options = Resolve(("services:smtp:smtp:0", "smtps://mail.example"));

        Assert.Equal(465, options.Port);
        Assert.Equal(SecureSocketOptions.SslOnConnect, options.Security);
    }

    [Fact]
    public void Explicit_settings_win_over_the_service_reference()
    {
        var options = Resolve(
            ("services:smtp:smtp:0", "smtp://localhost:2525"),
            ("Smtp:Host", "relay.example"),
            ("Smtp:Port", "587"),
            ("Smtp:UserName", "svc"),
            ("Smtp:Password", "secret"));

        Assert.Equal("relay.example", options.Host);
        Assert.Equal(587, options.Port);
        Assert.Equal("svc", options.UserName);
    }

    [Fact]
    public void A_missing_host_fails_validation()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve());

        Assert.Contains("Smtp:Host", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_name_without_a_password_fails_validation()
    {
        Assert.Throws<OptionsValidationException>(() => Resolve(("Smtp:Host", "relay.example"), ("Smtp:UserName", "svc")));
    }

    [Fact]
    public void A_port_out_of_range_fails_validation()
    {
        Assert.Throws<OptionsValidationException>(() => Resolve(("Smtp:Host", "relay.example"), ("Smtp:Port", "70000")));
    }
}
