namespace VideoEngager.Integration.Tests;

/// <summary>Test classes in this collection share one running app.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "app";
}
