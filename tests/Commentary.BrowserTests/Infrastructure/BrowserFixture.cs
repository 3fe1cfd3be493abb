using Commentary.Testing;
using Microsoft.Playwright;

// One browser suite at a time: each fixture starts Azurite, a host and Chromium, and the machine has two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Commentary.BrowserTests.Infrastructure;

/// <summary>Azurite, the self-host and one headless Chromium, shared by the tests of a collection.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;
    public SelfHost Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The SMTP server the host sends moderators' private replies and commenters' mail to.</summary>
    public SmtpTestServer Smtp { get; private set; } = null!;

    private IPlaywright _playwright = null!;

    /// <summary>Where the pages live: the host's <c>/api/ui/</c> folder.</summary>
    public string UiAddress => new Uri(Host.BaseAddress, "api/ui/").ToString();

    public string Origin => Host.BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync()
    {
        // First, so a missing browser fails fast with its own message rather than after storage has started.
        var chromium = Chromium.Locate();
        // Two shared cores and other builds running: give the UI time rather than flake.
        Assertions.SetDefaultExpectTimeout(20_000);
        Azurite = await AzuriteProcess.StartAsync();
        Smtp = SmtpTestServer.Start();
        // With a public address and a link key, notifications carry Approve and Reject links, and the site emails
        // commenters who ask: the widget offers it.
        Host = await SelfHost.StartAsync(Azurite.ConnectionString, ModerationLinkCalls.WithLinks(Smtp.Settings()));

        // The tests seed the same sample threads over and over, all from 127.0.0.1; in production a repeated body is
        // rejected as a duplicate and many comments from one address are held, which is not what these tests are about.
        // Crisis resources for the US and for German readers, as a site owner would configure them.
        await Host.UseModerationSettingsAsync(s =>
        {
            s.Duplicates.Enabled = false;
            s.Flood.MaxRecentFromIp = 100_000;
            CrisisResourceSamples.Configure(s);
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions(chromium));
    }

    /// <summary>A fresh browser profile (storage, cache) for one reader or moderator.</summary>
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

        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
