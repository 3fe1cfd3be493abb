namespace Commentary.IntegrationTests.Infrastructure;

/// <summary>The test classes of this assembly that share one Azurite and one self-host (xunit wants the definition here).</summary>
[CollectionDefinition(Name)]
public sealed class StorageTestGroup : ICollectionFixture<StorageFixture>
{
    public const string Name = "storage";
}
