namespace Commentary.Testing;

/// <summary>One Azurite and one self-host for every test class in the collection; tests isolate by slug.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;
    public SelfHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        Host = await SelfHost.StartAsync(Azurite.ConnectionString);

        // Every test request comes from 127.0.0.1, so the per-IP flood rule would hold comments depending on how many
        // tests ran before; the flood tests use the per-email count instead.
        await Host.UseModerationSettingsAsync(s => s.Flood.MaxRecentFromIp = 100_000);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
