using MailKit.Security;
using Microsoft.Extensions.Options;

namespace VideoEngager.Notifier.Email;

/// <summary>Takes host and port from Aspire's reference to the endpoint <c>smtp</c> of resource <c>smtp</c>.</summary>
public sealed class SmtpServiceReference(IConfiguration configuration) : IConfigureOptions<SmtpOptions>
{
    public const string ConfigurationKey = $"services:{ResourceNames.Smtp}:smtp:0";

    public void Configure(SmtpOptions options)
    {
        if (configuration[ConfigurationKey] is not { Length: > 0 } value)
        {
            return;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            // Left for validation to report: a Host that stays empty fails start-up with a clear message.
            return;
        }
        var implicitTls = uri.Scheme.Equals("smtps", StringComparison.OrdinalIgnoreCase);
        options.Host = uri.Host;
        options.Port = uri.IsDefaultPort || uri.Port < 0 ? (implicitTls ? 465 : 25) : uri.Port;
        if (implicitTls)
        {
            options.Security = SecureSocketOptions.SslOnConnect;
        }
    }
}

public sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return ValidateOptionsResult.Fail(
                $"Smtp:Host is required (or the service reference {SmtpServiceReference.ConfigurationKey}).");
        }
        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            return ValidateOptionsResult.Fail("Smtp:UserName and Smtp:Password must be set together.");
        }
        return ValidateOptionsResult.Success;
    }
}
