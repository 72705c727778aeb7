extern alias emulator;

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VideoEngager.Scheduling.ContactCenter;

namespace VideoEngager.Scheduling.UnitTests.ContactCenter;

/// <summary>
/// The Genesys emulator in memory, with a queue and skills of its own, and the real <see cref="GenesysCloudClient"/>
/// pointed at it exactly as at an org (base addresses and an OAuth client).
/// </summary>
internal sealed class EmulatorOrg : WebApplicationFactory<emulator::Program>
{
    public string Suffix { get; } = Guid.NewGuid().ToString("N")[..8];
    public string QueueName => $"Q-{Suffix}";
    public string VideoSkill => $"Video-{Suffix}";
    public string ArabicSkill => $"Arabic-{Suffix}";

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseEnvironment("Development");

    /// <summary>The emulator's own API: faults, journal, callbacks as stored.</summary>
    public HttpClient Admin => CreateClient();

    public async Task<Guid> AddAsync(string kind, string name, CancellationToken cancellationToken)
    {
        using var response = await Admin.PostAsJsonAsync($"/emulator/{kind}", new { name }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    public async Task<(Guid Queue, Guid Video, Guid Arabic)> SeedAsync(CancellationToken cancellationToken) => (
        await AddAsync("queues", QueueName, cancellationToken),
        await AddAsync("skills", VideoSkill, cancellationToken),
        await AddAsync("skills", ArabicSkill, cancellationToken));

    public GenesysOptions Options(string clientId = "local-client", string secret = "local-secret", TimeSpan? timeout = null) => new()
    {
        ApiBaseUrl = Server.BaseAddress.ToString(),
        LoginBaseUrl = Server.BaseAddress.ToString(),
        ClientId = clientId,
        ClientSecret = secret,
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    public GenesysCloudClient Client(GenesysOptions? settings = null, TimeProvider? clock = null)
    {
        settings ??= Options();
        var options = Microsoft.Extensions.Options.Options.Create(settings);
        clock ??= new FakeTimeProvider(DateTimeOffset.UtcNow);
        var http = CreateClient();
        http.Timeout = settings.RequestTimeout;
        return new GenesysCloudClient(http, new GenesysAccessTokens(clock, options), new RoutingIdCache(clock, options), options);
    }

    public CallbackRequest Callback(DateTimeOffset? scheduledTime, string? queue = null, string[]? skills = null, string language = "ar") => new(
        queue ?? QueueName,
        skills ?? [VideoSkill, ArabicSkill],
        language,
        7,
        "Fatima Al-Ali",
        "+971501234567",
        scheduledTime,
        new Dictionary<string, string>
        {
            ["productLine"] = "Post-paid",
            ["bookingId"] = "bk-1",
            ["agentUrl"] = "https://edge.example/rooms/bk-1?token=agent",
        });

    public async Task FaultAsync(object fault, CancellationToken cancellationToken) =>
        (await Admin.PostAsJsonAsync("/emulator/faults", fault, cancellationToken)).EnsureSuccessStatusCode();

    public async Task<List<JsonElement>> RequestsAsync(string path, string? method, CancellationToken cancellationToken)
    {
        var query = $"/emulator/requests?path={Uri.EscapeDataString(path)}" + (method is null ? "" : $"&method={method}");
        return [.. (await Admin.GetFromJsonAsync<JsonElement>(query, cancellationToken)).EnumerateArray()];
    }

    public async Task<JsonElement> StoredAsync(string conversationId, CancellationToken cancellationToken) =>
        await Admin.GetFromJsonAsync<JsonElement>($"/emulator/callbacks/{conversationId}", cancellationToken);
}
