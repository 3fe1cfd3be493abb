using System.Text.RegularExpressions;
using Commentary.Core.Moderation;
using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>
/// "Sign in with your organisation": the dashboard runs the authorization-code flow with PKCE against a real OpenID
/// Connect provider (OpenIddict), whose login page a moderator fills in, in a real Chromium against the real self-host.
/// </summary>
public sealed class DashboardSignInTests(OrganisationSignInFixture fixture) : IClassFixture<OrganisationSignInFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];
    private static readonly string[] AdminTabs = ["Bans", "Poison", "Settings"];
    private readonly SelfHost _host = fixture.Host;

    private static ILocator OrganisationButton(DashboardPage dashboard) =>
        dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your organisation" });

    private static ILocator OrganisationError(DashboardPage dashboard) => dashboard.Page.Locator("#organisation-error");

    private static ILocator SignedInAs(DashboardPage dashboard) => dashboard.Page.Locator("#signed-in-as");

    /// <summary>The keys the dashboard keeps in this tab's session storage, and in local storage (which must stay empty).</summary>
    private static Task<string[]> SessionKeysAsync(DashboardPage dashboard) =>
        dashboard.Page.EvaluateAsync<string[]>("() => Object.keys(sessionStorage).filter(k => k.startsWith('commentary:'))");

    private static async Task<DashboardPage> OpenAsync(IBrowserContext context)
    {
        var dashboard = await DashboardPage.OpenAsync(context);
        await Expect(OrganisationButton(dashboard)).ToBeVisibleAsync();
        return dashboard;
    }

    /// <summary>From the dashboard's sign-in screen to the provider's login page, which is filled in and sent.</summary>
    private async Task LogInAtProviderAsync(DashboardPage dashboard, string userName, string password)
    {
        if (!dashboard.Page.Url.StartsWith(fixture.Provider.Issuer.ToString(), StringComparison.Ordinal))
        {
            await OrganisationButton(dashboard).ClickAsync();
        }

        await Expect(dashboard.Page).ToHaveURLAsync(new Regex("^" + Regex.Escape(fixture.Provider.Issuer + "connect/authorize")));
        await dashboard.Page.GetByLabel("User name").FillAsync(userName);
        await dashboard.Page.GetByLabel("Password").FillAsync(password);
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
    }

    private async Task<DashboardPage> SignedInAsAsync(IBrowserContext context, string userName)
    {
        var dashboard = await OpenAsync(context);
        await LogInAtProviderAsync(dashboard, userName, OpenIdProvider.PasswordOf(userName));
        await dashboard.LoadedAsync();
        return dashboard;
    }

    [Fact]
    public async Task A_moderator_signs_in_at_the_providers_login_page_approves_under_their_name_and_signs_out_there_too()
    {
        var slug = await _host.AddArticleAsync("org-sign-in");
        var id = await _host.PendingCommentAsync(slug, "Wren", "A first comment, waiting for a moderator who signs in with SSO.");
        await using var context = await fixture.NewContextAsync();
        var dashboard = await OpenAsync(context);

        await LogInAtProviderAsync(dashboard, "mo", "not-the-password");
        await Expect(dashboard.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That user name and password do not match.");
        await LogInAtProviderAsync(dashboard, "mo", OpenIdProvider.PasswordOf("mo"));
        await dashboard.LoadedAsync();

        await Expect(SignedInAs(dashboard)).ToHaveTextAsync("Mo Moderator (moderator)");
        Assert.Equal(fixture.DashboardPage.ToString(), dashboard.Page.Url);
        Assert.Equal(["commentary:sign-in-tokens"], await SessionKeysAsync(dashboard));
        Assert.Equal(0, await dashboard.Page.EvaluateAsync<int>("() => localStorage.length"));
        foreach (var tab in AdminTabs)
        {
            await Expect(dashboard.Tab(tab)).ToBeHiddenAsync();
        }

        await dashboard.Button(id, "Approve").ClickAsync();
        await Expect(dashboard.Item(id)).ToHaveCountAsync(0);
        // The history event is written just after the decision, so it is waited for.
        var record = await Eventually.GetAsync(async () =>
        {
            var record = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}");
            return record["events"]!.AsArray().Any(e => e!["kind"]!.GetValue<string>() == CommentEventKinds.Approved) ? record : null;
        }, "the approval in the comment's history");
        Assert.Equal("approved", record["status"]!.GetValue<string>());
        Assert.Equal("Mo Moderator", record["moderatedBy"]!.GetValue<string>());
        Assert.Equal("Mo Moderator", record["events"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == CommentEventKinds.Approved)!["by"]!.GetValue<string>());
        await dashboard.Tab("Approved").ClickAsync();
        await Expect(dashboard.Item(id).Locator(".decided")).ToContainTextAsync("Approved by Mo Moderator");

        var endSessions = fixture.Provider.EndSessions;
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        // The provider's end-session endpoint sends the browser back to the dashboard's sign-in screen.
        await Expect(OrganisationButton(dashboard)).ToBeVisibleAsync();
        await Expect(dashboard.Page).ToHaveURLAsync(fixture.DashboardPage.ToString());
        Assert.Equal(endSessions + 1, fixture.Provider.EndSessions);
        await Expect(dashboard.Tab("Pending")).ToBeHiddenAsync();
        Assert.Empty(await SessionKeysAsync(dashboard));
    }

    [Fact]
    public async Task An_admin_sees_every_tab_and_a_reload_keeps_the_sign_in_of_this_tab()
    {
        await using var context = await fixture.NewContextAsync();
        var dashboard = await SignedInAsAsync(context, "ada");

        await Expect(SignedInAs(dashboard)).ToHaveTextAsync("Ada Admin (admin)");
        foreach (var tab in AdminTabs)
        {
            await Expect(dashboard.Tab(tab)).ToBeVisibleAsync();
        }

        await dashboard.Page.ReloadAsync();
        await dashboard.LoadedAsync();
        await Expect(SignedInAs(dashboard)).ToHaveTextAsync("Ada Admin (admin)");
    }

    [Fact]
    public async Task A_person_whose_account_has_no_commentary_role_is_told_so_and_keeps_nothing()
    {
        await using var context = await fixture.NewContextAsync();
        var dashboard = await OpenAsync(context);

        await LogInAtProviderAsync(dashboard, "nora", OpenIdProvider.PasswordOf("nora"));

        await Expect(OrganisationError(dashboard)).ToContainTextAsync("neither Commentary role");
        await Expect(dashboard.Tab("Pending")).ToBeHiddenAsync();
        Assert.Empty(await SessionKeysAsync(dashboard));
    }

    [Fact]
    public async Task A_sign_in_whose_token_expires_returns_to_the_sign_in_screen_and_keeps_nothing()
    {
        await using var context = await fixture.NewContextAsync();
        // Long enough to sign in and see the queue on a busy machine, short enough to expire within one expectation's wait.
        fixture.Provider.DashboardTokenLifetime = TimeSpan.FromSeconds(15);
        DashboardPage dashboard;
        try
        {
            dashboard = await SignedInAsAsync(context, "mo");
        }
        finally
        {
            fixture.Provider.DashboardTokenLifetime = null;
        }

        await Expect(OrganisationError(dashboard)).ToHaveTextAsync("Your sign-in has expired. Please sign in again.");
        await Expect(dashboard.Tab("Pending")).ToBeHiddenAsync();
        await Expect(OrganisationButton(dashboard)).ToBeVisibleAsync();
        Assert.Empty(await SessionKeysAsync(dashboard));
    }

    [Fact]
    public async Task A_401_while_signed_in_returns_to_the_sign_in_screen_and_keeps_nothing()
    {
        await using var context = await fixture.NewContextAsync();
        var dashboard = await SignedInAsAsync(context, "mo");
        // As the API answers once the provider has revoked the moderator's access.
        await dashboard.Page.RouteAsync(new Regex(@"/moderation/comments\?"), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 401,
            ContentType = "application/problem+json",
            Body = """{"type":"about:blank","title":"Unauthorized","status":401}""",
        }));

        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();

        await Expect(OrganisationError(dashboard)).ToHaveTextAsync("Commentary no longer accepts your sign-in. Please sign in again.");
        await Expect(dashboard.Tab("Pending")).ToBeHiddenAsync();
        Assert.Empty(await SessionKeysAsync(dashboard));
    }

    [Fact]
    public async Task An_altered_token_kept_in_the_tab_is_refused_by_the_api_on_reload()
    {
        await using var context = await fixture.NewContextAsync();
        var dashboard = await SignedInAsAsync(context, "mo");

        await dashboard.Page.EvaluateAsync("""
            () => {
              const tokens = JSON.parse(sessionStorage.getItem('commentary:sign-in-tokens'));
              tokens.accessToken = tokens.accessToken.slice(0, -4) + 'AAAA';
              sessionStorage.setItem('commentary:sign-in-tokens', JSON.stringify(tokens));
            }
            """);
        await dashboard.Page.ReloadAsync();

        await Expect(OrganisationError(dashboard)).ToContainTextAsync("Commentary did not accept the sign-in");
        await Expect(dashboard.Tab("Pending")).ToBeHiddenAsync();
        Assert.Empty(await SessionKeysAsync(dashboard));
    }

    [Fact]
    public async Task A_return_whose_state_does_not_match_the_sign_in_under_way_is_refused()
    {
        await using var context = await fixture.NewContextAsync();
        var dashboard = await OpenAsync(context);
        await OrganisationButton(dashboard).ClickAsync();
        await Expect(dashboard.Page.GetByLabel("User name")).ToBeVisibleAsync();

        // As if another site sent the browser here with a code of its own choosing.
        await dashboard.Page.GotoAsync($"moderation.html?code=forged&state={CommentId.New()}");

        await Expect(OrganisationError(dashboard)).ToHaveTextAsync("The answer from your organisation did not match this sign-in. Please sign in again.");
        await Expect(dashboard.Tab("Pending")).ToBeHiddenAsync();
        Assert.Equal(fixture.DashboardPage.ToString(), dashboard.Page.Url);
        Assert.Empty(await SessionKeysAsync(dashboard));
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_sign_in_screen_with_both_ways_in_has_no_serious_accessibility_violations(string view)
    {
        await using var context = await fixture.NewContextAsync(view == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var dashboard = await OpenAsync(context);
        await Expect(dashboard.Key).ToBeVisibleAsync();

        var result = await dashboard.Page.RunAxe();

        Assert.NotEmpty(result.Passes);
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToArray();
        Assert.True(blocking.Length == 0, string.Join("\n", blocking.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        await dashboard.Page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"dashboard-sign-in-organisation-{view}.png") });
    }
}
