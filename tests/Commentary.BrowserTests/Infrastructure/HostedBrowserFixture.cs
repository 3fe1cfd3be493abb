using Commentary.Core.Moderation.Policy;

namespace Commentary.BrowserTests.Infrastructure;

/// <summary>
/// What every browser fixture runs: Azurite, a self-host with the settings the fixture asks for, the moderation
/// settings the browser tests share, and one headless Chromium; and how it makes a fresh browser profile. A fixture
/// adds the servers its tests talk to besides (mail, an OpenID provider) and disposes them last.
/// </summary>
public abstract class HostedBrowserFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;
    public SelfHost Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright _playwright = null!;

    /// <summary>Where the pages live: the host's <c>/api/ui/</c> folder.</summary>
    public string UiAddress => new Uri(Host.BaseAddress, "api/ui/").ToString();

    public async Task InitializeAsync()
    {
        // First, so a missing browser fails fast with its own message rather than after storage has started.
        var chromium = Chromium.Locate();
        // Two shared cores and other builds running: give the UI time rather than flake.
        Assertions.SetDefaultExpectTimeout(20_000);
        var settings = await StartServersAsync();
        Azurite = await AzuriteProcess.StartAsync();
        Host = await SelfHost.StartAsync(Azurite.ConnectionString, settings);
        HostStarted();

        // The tests seed the same sample threads over and over, all from 127.0.0.1; in production a repeated body is
        // rejected as a duplicate and many comments from one address are held, which is not what these tests are about.
        await Host.UseModerationSettingsAsync(s =>
        {
            s.Duplicates.Enabled = false;
            s.Flood.MaxRecentFromIp = 100_000;
            ConfigureModeration(s);
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions(chromium));
    }

    /// <summary>A fresh browser profile (storage, cache, cookies) for one reader or moderator, its relative addresses starting at <see cref="UiAddress"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(ColorScheme scheme = ColorScheme.Light, int width = 1100, int height = 900,
        string locale = "en-GB") =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = UiAddress,
            ColorScheme = scheme,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = "UTC",
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }

        await StopServersAsync();
    }

    /// <summary>Starts the fixture's own servers; returns the host's settings that point at them.</summary>
    protected abstract Task<IDictionary<string, string?>> StartServersAsync();

    /// <summary>Once the host listens: what needs its address.</summary>
    protected virtual void HostStarted()
    {
    }

    /// <summary>Moderation settings of this fixture's tests beyond the shared ones.</summary>
    protected virtual void ConfigureModeration(ModerationSettings settings)
    {
    }

    /// <summary>Stops what <see cref="StartServersAsync"/> started (a server that never started is null).</summary>
    protected abstract Task StopServersAsync();
}
