namespace VideoEngager.Genesys.Emulator.Sms;

/// <summary>
/// The accounts the SMS endpoint accepts, from section <c>Sms:Accounts</c> (account sid → auth token); with none
/// configured, the local default <c>AC-local</c> / <c>local-sms-token</c>, which the AppHost's defaults match.
/// </summary>
internal static class SmsAccounts
{
    public const string Section = "Sms:Accounts";
    public const string DefaultSid = "AC-local";
    public const string DefaultToken = "local-sms-token";

    public static bool IsValid(IConfiguration configuration, string accountSid, string authToken)
    {
        var accounts = configuration.GetSection(Section).GetChildren().ToList();
        if (accounts.Count == 0)
        {
            return Equal(accountSid, DefaultSid) && Equal(authToken, DefaultToken);
        }
        // Section keys are case-insensitive; sids and tokens are not.
        return accounts.Any(a => Equal(a.Key, accountSid) && a.Value is { } token && Equal(token, authToken));
    }

    private static bool Equal(string a, string b) => string.Equals(a, b, StringComparison.Ordinal);
}
