using System.Security.Cryptography;
using System.Text;

namespace VideoEngager.Scheduling.Tenancy;

/// <summary>Widget keys are random bearer secrets; only their hash is stored.</summary>
public static class WidgetKey
{
    public static string New() => Bookings.AccessToken.New();

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
