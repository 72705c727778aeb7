using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace VideoEngager.Benchmarks;

/// <summary>smtp4dev's API: count, clear, and one message's MIME source.</summary>
internal sealed class Mailbox(HttpClient http)
{
    public async Task<int> CountAsync()
    {
        var page = await http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=1");
        return page.ValueKind == JsonValueKind.Object && page.TryGetProperty("rowCount", out var rows)
            ? rows.GetInt32()
            : (await http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=100000")).GetArrayLength();
    }

    public async Task ClearAsync() => (await http.DeleteAsync("/api/messages/*")).EnsureSuccessStatusCode();

    public async Task<MimeMessage> FirstAsync()
    {
        var page = await http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=1");
        var list = page.ValueKind == JsonValueKind.Array ? page : page.GetProperty("results");
        var id = list.EnumerateArray().First().GetProperty("id").GetString();
        await using var raw = await http.GetStreamAsync($"/api/messages/{id}/raw");
        return await MimeMessage.LoadAsync(raw);
    }
}
