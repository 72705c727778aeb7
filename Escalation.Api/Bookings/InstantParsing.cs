using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace VideoEngager.Escalation.Bookings;

internal static class InstantParsing
{
    /// <summary>An ISO-8601 instant with <c>Z</c> or an offset; a local time without one is ambiguous and refused.</summary>
    public static bool TryParse(string? value, out Timestamp timestamp)
    {
        timestamp = new Timestamp();
        var timeAt = value?.IndexOfAny(['T', 't']) ?? -1;
        if (string.IsNullOrWhiteSpace(value)
            || timeAt < 0
            || !(value.EndsWith('Z') || value.EndsWith('z') || value.LastIndexOfAny(['+', '-']) > timeAt)
            || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return false;
        }
        timestamp = Timestamp.FromDateTimeOffset(instant);
        return true;
    }
}
