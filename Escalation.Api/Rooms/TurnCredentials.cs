using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VideoEngager.Escalation.Rooms;

/// <summary>A time-limited TURN credential for one booking.</summary>
public sealed record TurnCredential(string Username, string Password, DateTimeOffset ExpiresAt);

/// <summary>
/// TURN credentials as coturn's <c>use-auth-secret</c> checks them (the "TURN REST API" scheme): the username is
/// <c>expiry:bookingId</c> (Unix seconds) and the password the base64 HMAC-SHA1 of the username keyed by the shared
/// secret. coturn refuses a credential past its expiry or whose username was changed.
/// </summary>
public static class TurnCredentials
{
    public static TurnCredential For(string secret, string bookingId, DateTimeOffset expiresAt)
    {
        var username = $"{expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}:{bookingId}";
#pragma warning disable CA5350 // HMAC-SHA1 is what coturn's use-auth-secret computes; the secret, not the hash, is the strength
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username));
#pragma warning restore CA5350
        return new TurnCredential(username, Convert.ToBase64String(mac), expiresAt);
    }
}
