using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace VideoEngager.Integration.Tests;

/// <summary>Booking links carry their tokens in the query string; no service may write those into its traces.</summary>
[Collection(AppCollection.Name)]
public sealed class TraceRedactionTests(AppHostFixture app)
{
    private static readonly string[] Switches =
    [
        "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION",
        "OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION",
    ];

    [Fact]
    public async Task Every_service_runs_with_url_query_values_redacted_in_its_traces()
    {
        var projects = app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ProjectResource>().Select(p => p.Name).ToHashSet();
        var processes = await ProcessEnvironments.WatchAsync(app, process => projects.Contains(process.Resource),
            seen => seen.Values.Select(p => p.Resource).Distinct().Count() == projects.Count, TestContext.Current.CancellationToken);
        Assert.Equal(projects.Count, processes.Values.Select(p => p.Resource).Distinct().Count());

        foreach (var (project, environment) in processes.Values)
        {
            foreach (var name in Switches)
            {
                // Absent or false keeps the instrumentations' default: query values written as "Redacted".
                Assert.True(!environment.TryGetValue(name, out var value) || value == "false", $"{project} runs with {name}={value}.");
            }
        }
    }
}
