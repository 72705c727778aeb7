namespace VideoEngager.Integration.Tests;

/// <summary>Test classes in this collection share one app running two replicas of each worker-like service.</summary>
[CollectionDefinition(Name)]
public sealed class ReplicatedCollection : ICollectionFixture<ReplicatedAppHostFixture>
{
    public const string Name = "replicated";
}
