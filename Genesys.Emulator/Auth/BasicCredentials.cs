using System.Net.Http.Headers;
using System.Text;

namespace VideoEngager.Genesys.Emulator.Auth;

/// <summary>HTTP Basic credentials, as both the OAuth token endpoint and the SMS API take them.</summary>
internal static class BasicCredentials
{
    public static bool TryRead(HttpRequest request, out string user, out string secret)
    {
        user = "";
        secret = "";
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }
        (user, secret) = (decoded[..colon], decoded[(colon + 1)..]);
        return true;
    }
}
