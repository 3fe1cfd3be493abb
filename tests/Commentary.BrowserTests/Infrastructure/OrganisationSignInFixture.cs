namespace Commentary.BrowserTests.Infrastructure;

/// <summary>
/// The dashboard with "Sign in with your organisation": a real OpenID Connect provider (OpenIddict, with its login page)
/// that knows the dashboard page as its public client's redirect URI, Azurite, a self-host that trusts the provider, and
/// one headless Chromium.
/// </summary>
public sealed class OrganisationSignInFixture : HostedBrowserFixture
{
    public OpenIdProvider Provider { get; private set; } = null!;

    /// <summary>The dashboard page: the redirect URI the provider sends the browser back to.</summary>
    public Uri DashboardPage => new(Host.BaseAddress, "api/ui/moderation.html");

    protected override async Task<IDictionary<string, string?>> StartServersAsync()
    {
        Provider = await OpenIdProvider.StartAsync();
        return Provider.DashboardSettings();
    }

    protected override void HostStarted() => Provider.AllowDashboard(DashboardPage);

    protected override async Task StopServersAsync()
    {
        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}
