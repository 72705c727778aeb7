using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VideoEngager.Scheduling.ContactCenter;

public enum RoutingKind
{
    Queue,
    Skill,
    Language,
}

/// <summary>
/// Routing ids by name, trusted for <see cref="GenesysOptions.RoutingCacheDuration"/>: a callback needs up to a
/// handful of them, and they rarely change. A name the org lacks is remembered briefly (as no id).
/// </summary>
internal sealed class RoutingIdCache(TimeProvider clock, IOptions<GenesysOptions> options)
{
    private sealed record Entry(string? Id, DateTimeOffset ExpiresAt);

    private readonly ConcurrentDictionary<(RoutingKind, string), Entry> _entries = new();

    /// <returns>False when unknown or expired; otherwise true with the id (null: known to be absent).</returns>
    public bool TryGet(RoutingKind kind, string name, out string? id)
    {
        var key = Key(kind, name);
        if (_entries.TryGetValue(key, out var entry))
        {
            if (clock.GetUtcNow() < entry.ExpiresAt)
            {
                id = entry.Id;
                return true;
            }
            _entries.TryRemove(KeyValuePair.Create(key, entry));
        }
        id = null;
        return false;
    }

    public void Set(RoutingKind kind, string name, string? id) =>
        _entries[Key(kind, name)] = new Entry(id, clock.GetUtcNow()
            + (id is null ? options.Value.MissingRoutingCacheDuration : options.Value.RoutingCacheDuration));

    private static (RoutingKind, string) Key(RoutingKind kind, string name) => (kind, name.Trim().ToUpperInvariant());
}
