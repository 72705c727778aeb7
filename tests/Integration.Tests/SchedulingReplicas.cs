using Grpc.Net.Client;

namespace VideoEngager.Integration.Tests;

/// <summary>A gRPC channel to each Scheduling.Grpc replica by its own address, not through the load-balancing proxy.</summary>
internal static class SchedulingReplicas
{
    private const string GrpcAddress = "Kestrel__Endpoints__grpc__Url";

    public static async Task<IReadOnlyList<GrpcChannel>> ConnectAsync(AppHostFixture app, int expected, CancellationToken cancellationToken)
    {
        var replicas = await ProcessEnvironments.WatchAsync(app,
            process => process.Resource == ResourceNames.SchedulingGrpc && process.Environment.GetValueOrDefault(GrpcAddress) is not null,
            seen => seen.Count == expected, cancellationToken);
        return [.. replicas.Values.Select(replica => GrpcChannel.ForAddress(replica.Environment[GrpcAddress]!))];
    }
}
