namespace VideoEngager.Integration.Tests;

/// <summary>The app with two replicas each of Scheduling.Grpc, Notifier.Worker and Escalation.Api: correctness must not depend on one process.</summary>
public sealed class ReplicatedAppHostFixture : AppHostFixture
{
    protected override string[] AppHostArgs => ["Scheduling:Replicas=2", "Notifier:Replicas=2", "Escalation:Replicas=2"];
}
