using NodaTime.TimeZones;

namespace VideoEngager.Scheduling.Queues;

/// <summary>The country of a queue's time zone: the default region for phone numbers typed without a country code.</summary>
internal static class QueueRegion
{
    private static readonly Dictionary<string, string> CountryByZone = (TzdbDateTimeZoneSource.Default.ZoneLocations ?? [])
        .GroupBy(l => l.ZoneId)
        .ToDictionary(g => g.Key, g => g.First().CountryCode, StringComparer.Ordinal);

    public static string? ForTimeZone(string timeZone) => CountryByZone.GetValueOrDefault(timeZone);
}
