using System.Security.Cryptography;
using System.Text;

namespace VideoEngager.Scheduling.Bookings;

/// <summary>Unguessable bearer tokens (256 bits, base64url) for room and manage links.</summary>
public static class AccessToken
{
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewBookingId() => "bk_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>Constant-time comparison, so response timing says nothing about a token.</summary>
    public static bool Matches(string expected, string? presented) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
