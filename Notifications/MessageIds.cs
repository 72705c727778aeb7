using System.Security.Cryptography;
using System.Text;

namespace VideoEngager.Notifications;

public static class MessageIds
{
    public const string Domain = "videoengager";

    /// <summary>
    /// A Message-ID (without angle brackets) that depends only on what makes a message unique, so a job retried after a
    /// crash produces the same id and the resend is recognisable.
    /// </summary>
    public static string For(string bookingId, NotificationKind kind, string recipientEmail, int sequence)
    {
        // Addresses compare case-insensitively in practice; the id must not change with the casing a caller used.
        var key = string.Join('\n', bookingId, kind.ToString(), recipientEmail.Trim().ToLowerInvariant(),
            sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"{Convert.ToHexStringLower(hash)}@{Domain}";
    }

    /// <summary>The calendar UID: the same for every version of one booking's event.</summary>
    public static string InviteUid(string bookingId) => $"{bookingId}@{Domain}";
}
