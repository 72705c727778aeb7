using Aspire.Hosting;
using Grpc.Net.Client;

namespace VideoEngager.Integration.Tests;

/// <summary>A gRPC channel to each Scheduling.Grpc replica by its own address, not through the load-balancing proxy.</summary>
internal static class SchedulingReplicas
{
    public static async Task<IReadOnlyList<GrpcChannel>> ConnectAsync(AppHostFixture app, int expected, CancellationToken cancellationToken)
    {
        var addresses = new Dictionary<string, string>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await foreach (var update in app.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            var address = update.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == "Kestrel__Endpoints__grpc__Url")?.Value;
            if (update.Resource.Name == ResourceNames.SchedulingGrpc && address is not null)
            {
                addresses[update.ResourceId] = address;
                if (addresses.Count == expected)
                {
                    break;
                }
            }
        }
        return [.. addresses.Values.Select(address => GrpcChannel.ForAddress(address))];
    }
}
