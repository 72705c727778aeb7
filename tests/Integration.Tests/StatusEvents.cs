using System.Net.ServerSentEvents;
using System.Text.Json;

namespace VideoEngager.Integration.Tests;

/// <summary>Reads the visitor's live status stream (<c>/interactions/{id}/events</c>) one event at a time.</summary>
internal static class StatusEvents
{
    /// <summary>The next <c>status</c> event's status; fails when the stream ends.</summary>
    public static async Task<string> NextAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        Assert.True(await events.MoveNextAsync(), "the stream ended");
        Assert.Equal("status", events.Current.EventType);
        return JsonDocument.Parse(events.Current.Data).RootElement.GetProperty("status").GetString()!;
    }
}
