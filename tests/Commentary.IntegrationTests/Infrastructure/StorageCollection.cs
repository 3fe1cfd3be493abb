namespace Commentary.IntegrationTests.Infrastructure;

/// <summary>One Azurite and one self-host for every test class in the collection; tests isolate by slug.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;
    public SelfHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        Host = await SelfHost.StartAsync(Azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class StorageTestGroup : ICollectionFixture<StorageFixture>
{
    public const string Name = "storage";
}
