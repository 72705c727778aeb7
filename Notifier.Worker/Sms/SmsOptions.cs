using Microsoft.Extensions.Options;

namespace VideoEngager.Notifier.Sms;

/// <summary>
/// Section <c>Sms</c>: a Twilio-compatible Messages API. SMS is off while <see cref="AccountSid"/> is empty; the auth
/// token is a secret (an AppHost parameter).
/// </summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    public Uri BaseAddress { get; set; } = new("https://api.twilio.com/");

    public string? AccountSid { get; set; }

    public string? AuthToken { get; set; }

    /// <summary>The sending number (E.164) or messaging sender id.</summary>
    public string? From { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(AccountSid);
}

public sealed class SmsOptionsValidator : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        if (!options.BaseAddress.IsAbsoluteUri || options.BaseAddress.Scheme is not ("https" or "http"))
        {
            return ValidateOptionsResult.Fail("Sms:BaseAddress must be an absolute http(s) URL.");
        }
        if (options.Enabled && (string.IsNullOrWhiteSpace(options.AuthToken) || string.IsNullOrWhiteSpace(options.From)))
        {
            return ValidateOptionsResult.Fail("Sms:AuthToken and Sms:From are required when Sms:AccountSid is set.");
        }
        return ValidateOptionsResult.Success;
    }
}
