using Commentary.Testing;
using Microsoft.Playwright;

namespace Commentary.BrowserTests.Infrastructure;

/// <summary>
/// The dashboard with "Sign in with your organisation": a real OpenID Connect provider (OpenIddict, with its login page)
/// that knows the dashboard page as its public client's redirect URI, Azurite, a self-host that trusts the provider, and
/// one headless Chromium.
/// </summary>
public sealed class OrganisationSignInFixture : IAsyncLifetime
{
    public OpenIdProvider Provider { get; private set; } = null!;
    public AzuriteProcess Azurite { get; private set; } = null!;
    public SelfHost Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    private IPlaywright _playwright = null!;

    /// <summary>The dashboard page: the redirect URI the provider sends the browser back to.</summary>
    public Uri DashboardPage => new(Host.BaseAddress, "api/ui/moderation.html");

    public async Task InitializeAsync()
    {
        var chromium = Chromium.Locate();
        Assertions.SetDefaultExpectTimeout(20_000);
        Provider = await OpenIdProvider.StartAsync();
        Azurite = await AzuriteProcess.StartAsync();
        Host = await SelfHost.StartAsync(Azurite.ConnectionString, Provider.DashboardSettings());
        Provider.AllowDashboard(DashboardPage);
        // The same seeded bodies from one address, as in the other browser tests: not what these tests are about.
        await Host.UseModerationSettingsAsync(s =>
        {
            s.Duplicates.Enabled = false;
            s.Flood.MaxRecentFromIp = 100_000;
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions(chromium));
    }

    /// <summary>A fresh browser profile (storage, cookies) whose relative addresses start at the dashboard's folder.</summary>
    public Task<IBrowserContext> NewContextAsync(ColorScheme scheme = ColorScheme.Light) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = new Uri(Host.BaseAddress, "api/ui/").ToString(),
            ColorScheme = scheme,
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            Locale = "en-GB",
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

        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}
