using System.Net.Http.Json;
using System.Text.Json;

namespace VideoEngager.Genesys.Emulator.UnitTests.Http;

/// <summary>A queue, two skills and a language of a test's own, made through the emulator's admin API.</summary>
internal sealed record TestOrg(string QueueName, Guid QueueId, Guid ArabicId, Guid VideoId, Guid LanguageId)
{
    public static async Task<TestOrg> CreateAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var queueName = $"Q-{suffix}";
        return new TestOrg(
            queueName,
            await AddAsync(client, "queues", queueName, cancellationToken),
            await AddAsync(client, "skills", $"Arabic-{suffix}", cancellationToken),
            await AddAsync(client, "skills", $"Video-{suffix}", cancellationToken),
            await AddAsync(client, "languages", $"Arabic-{suffix}", cancellationToken));
    }

    public async Task<Guid> AddAgentAsync(HttpClient client, string name, Guid[] skills, CancellationToken cancellationToken, string presence = "Available")
    {
        using var response = await client.PostAsJsonAsync("/emulator/agents", new
        {
            name,
            email = $"{name.ToLowerInvariant()}.{Guid.NewGuid():N}@agents.example",
            skills = skills.Select(s => s.ToString()),
            languages = new[] { LanguageId.ToString() },
            queues = new[] { QueueName },
            presence,
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    public object Callback(Guid[] skills, string? scheduledTime = null, string agentUrl = "https://agent.example/room/1") => new
    {
        routingData = new { queueId = QueueId, skillIds = skills, priority = 5 },
        callbackUserName = "Fatima Al-Ali",
        callbackNumbers = new[] { "+971501234567" },
        callbackScheduledTime = scheduledTime,
        countryCode = "AE",
        data = new Dictionary<string, string> { ["productLine"] = "Post-paid", ["agentUrl"] = agentUrl },
    };

    private static async Task<Guid> AddAsync(HttpClient client, string kind, string name, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync($"/emulator/{kind}", new { name }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }
}
