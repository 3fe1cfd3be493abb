using Commentary.Core.Moderation.Policy;

namespace Commentary.IntegrationTests.Infrastructure;

/// <summary>
/// Its own Azurite, a real SMTP server, and a host that sends mail to it, for test classes that read what arrived.
/// Many comments come from one address, and texts repeat: the flood and duplicate rules are relaxed.
/// </summary>
public abstract class MailHostFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;
    public SmtpTestServer Smtp { get; private set; } = null!;
    public SelfHost Host { get; private set; } = null!;

    /// <summary>Settings beside the mail settings.</summary>
    protected virtual void AddSettings(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Moderation settings beside the relaxed flood and duplicate rules.</summary>
    protected virtual void Configure(ModerationSettings settings)
    {
    }

    public async Task InitializeAsync()
    {
        Azurite = await AzuriteProcess.StartAsync();
        Smtp = SmtpTestServer.Start();
        var settings = Smtp.Settings();
        AddSettings(settings);
        Host = await SelfHost.StartAsync(Azurite.ConnectionString, settings);
        await Host.UseModerationSettingsAsync(s =>
        {
            s.Flood.MaxRecentFromIp = 100_000;
            s.Duplicates.Enabled = false;
            Configure(s);
        });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Smtp.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
