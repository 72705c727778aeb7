namespace VideoEngager.Integration.Tests;

/// <summary>A process the app started: its resource and the environment it was started with.</summary>
internal sealed record AppProcess(string Resource, IReadOnlyDictionary<string, string?> Environment);

/// <summary>The environment each process of the app was actually started with, as the orchestrator reports it.</summary>
internal static class ProcessEnvironments
{
    /// <summary>Watches the app's processes (at most 30 s) until <paramref name="enough"/> holds for those recorded.</summary>
    /// <param name="include">Which processes to record.</param>
    /// <returns>The recorded processes by instance id (replicas of one resource each have their own).</returns>
    public static async Task<IReadOnlyDictionary<string, AppProcess>> WatchAsync(AppHostFixture app,
        Func<AppProcess, bool> include, Func<IReadOnlyDictionary<string, AppProcess>, bool> enough, CancellationToken cancellationToken)
    {
        var processes = new Dictionary<string, AppProcess>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await foreach (var update in app.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (update.Snapshot.EnvironmentVariables.IsEmpty)
            {
                continue;
            }
            var process = new AppProcess(update.Resource.Name, update.Snapshot.EnvironmentVariables.ToDictionary(v => v.Name, v => v.Value));
            if (include(process))
            {
                processes[update.ResourceId] = process;
                if (enough(processes))
                {
                    break;
                }
            }
        }
        return processes;
    }
}
