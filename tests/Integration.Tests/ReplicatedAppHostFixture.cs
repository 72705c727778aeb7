namespace VideoEngager.Integration.Tests;

/// <summary>The app with two Scheduling.Grpc and two Notifier.Worker replicas: correctness must not depend on one process.</summary>
public sealed class ReplicatedAppHostFixture : AppHostFixture
{
    protected override string[] AppHostArgs => ["Scheduling:Replicas=2", "Notifier:Replicas=2"];
}
