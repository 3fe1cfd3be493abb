using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>
/// axe-core on both pages in light and dark, with screenshots saved to test-artifacts/ for people to look at.
/// A fixture of its own keeps the dashboard's list to the comments seeded here.
/// </summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];
    private readonly SelfHost _host = fixture.Host;

    public static TheoryData<string, int, int> WidgetViews => new()
    {
        { "light", 1100, 900 },
        { "dark", 1100, 900 },
        { "phone", 390, 844 },
    };

    [Theory]
    [MemberData(nameof(WidgetViews))]
    public async Task The_widget_has_no_serious_accessibility_violations(string view, int width, int height)
    {
        // Each row gets its own bodies: the policy rejects a body it has seen in the last 24 hours as a duplicate.
        var slug = await _host.AddArticleAsync("a11y");
        var first = await _host.ApprovedCommentAsync(slug, "Maya", $"The twenty-minute rule changed my nights.\n\nI read a dull book in the kitchen ({view}).", website: "https://maya.example");
        await _host.ApprovedCommentAsync(slug, "Sam", $"Which book? Asking for a friend ({view}).", parentId: first);
        await _host.ApprovedCommentAsync(slug, "Lee", $"Thank you for the gentle tone of this piece ({view}).");
        await using var context = await fixture.NewContextAsync(view == "dark" ? ColorScheme.Dark : ColorScheme.Light, width, height);
        var reader = await ReaderPage.OpenAsync(context, slug);
        await reader.FillAsync("Ana", "ana-at-example", "Posting with a typo in my address.");
        await reader.PostAsync();
        await Expect(reader.Page.Locator("#cm-email-error")).ToBeVisibleAsync();

        await AssertNoBlockingViolationsAsync(reader.Page, $"widget ({view})");
        Assert.Empty(reader.PolicyViolations);

        if (view == "phone")
        {
            await reader.Page.ScreenshotAsync(new() { Path = Artifacts.PathFor("widget-phone.png"), FullPage = true });
            var overflow = await reader.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, "the page should not scroll sideways at phone width");
        }
        else
        {
            await reader.Widget.ScreenshotAsync(new() { Path = Artifacts.PathFor($"widget-{view}.png") });
        }
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_dashboard_has_no_serious_accessibility_violations(string view)
    {
        // Each row gets its own bodies: the policy rejects a body it has seen in the last 24 hours as a duplicate.
        var slug = await _host.AddArticleAsync("a11y-queue");
        await _host.PendingCommentAsync(slug, "Robin", $"Two links ({view}): https://one.example and https://two.example", website: "https://robin.example");
        await _host.PendingCommentAsync(slug, "Kit", $"A first comment ({view}), so it waits for a moderator.");
        await using var context = await fixture.NewContextAsync(view == "dark" ? ColorScheme.Dark : ColorScheme.Light, 1100, 1000);
        var dashboard = await DashboardPage.OpenAsync(context);
        await AssertNoBlockingViolationsAsync(dashboard.Page, $"dashboard sign-in ({view})");

        await dashboard.SignInAsync(SelfHost.ModeratorKey);
        await dashboard.LoadedAsync();
        await Expect(dashboard.Items).Not.ToHaveCountAsync(0);
        await dashboard.Items.First.Locator("input.select").CheckAsync();
        await dashboard.Items.First.GetByRole(AriaRole.Button, new() { Name = "Reject", Exact = true }).ClickAsync();

        await AssertNoBlockingViolationsAsync(dashboard.Page, $"dashboard queue ({view})");
        await dashboard.Page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"dashboard-{view}.png"), FullPage = true });

        await dashboard.Page.Keyboard.PressAsync("Escape");
        await dashboard.Page.Keyboard.PressAsync("?");
        await Expect(dashboard.Help).ToBeVisibleAsync();
        await AssertNoBlockingViolationsAsync(dashboard.Page, $"dashboard help ({view})");
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_poison_and_settings_tabs_have_no_serious_accessibility_violations(string view)
    {
        var slug = await _host.AddArticleAsync("a11y-poison");
        var submission = new SubmissionMessage(SubmissionMessage.CurrentVersion, CommentId.New(), slug, "Poison Pat", Seeding.NewEmail(),
            null, "A comment whose first attempts failed.", null, null, DateTimeOffset.UtcNow);
        await _host.Storage.SubmissionsPoison.SendMessageAsync(submission.ToJson());
        await _host.Storage.SubmissionsPoison.SendMessageAsync("<b>not</b> a submission {");
        await using var context = await fixture.NewContextAsync(view == "dark" ? ColorScheme.Dark : ColorScheme.Light, 1100, 1000);
        var dashboard = await DashboardPage.SignedInAsync(context);

        await dashboard.Tab("Poison").ClickAsync();
        await Expect(dashboard.PoisonItems).Not.ToHaveCountAsync(0);
        await dashboard.PoisonItems.First.GetByText("Message text").ClickAsync();
        await Expect(dashboard.PoisonItems.First.Locator("pre")).ToBeVisibleAsync();
        await AssertNoBlockingViolationsAsync(dashboard.Page, $"dashboard poison ({view})");
        await dashboard.Page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"dashboard-poison-{view}.png"), FullPage = true });

        await dashboard.OpenSettingsAsync();
        await AssertNoBlockingViolationsAsync(dashboard.Page, $"dashboard settings ({view})");
        await dashboard.SettingsBox.FillAsync("{ not json");
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(dashboard.SettingsFeedback).ToBeVisibleAsync();
        await AssertNoBlockingViolationsAsync(dashboard.Page, $"dashboard settings with a problem ({view})");
        await dashboard.Page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"dashboard-settings-{view}.png") });
    }

    public static TheoryData<string, int, int> DashboardViews => new()
    {
        { "light", 1100, 1000 },
        { "dark", 1100, 1000 },
        { "phone", 390, 844 },
    };

    [Theory]
    [MemberData(nameof(DashboardViews))]
    public async Task The_bans_tab_has_no_serious_accessibility_violations(string view, int width, int height)
    {
        // An email ban, a lapsed IP-hash ban (a made-up hash: the real one of this address would reject every comment).
        await _host.AddBanAsync(new { email = Seeding.NewEmail(), reason = $"Casino links ({view})" });
        await _host.AddBanAsync(new { ipHash = BanCalls.UnusedIpHash(), reason = $"Flooded a thread ({view})", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) });
        await using var context = await fixture.NewContextAsync(view == "dark" ? ColorScheme.Dark : ColorScheme.Light, width, height);
        var dashboard = await DashboardPage.SignedInAsync(context);

        await dashboard.OpenBansAsync();
        await Expect(dashboard.BanRows).Not.ToHaveCountAsync(0);
        await AssertNoBlockingViolationsAsync(dashboard.Page, $"dashboard bans ({view})");

        // The form with a field error from the page (no address), then two from the API (a bad address, no reason).
        await dashboard.AddBan.ClickAsync();
        await Expect(dashboard.Page.Locator("#ban-value-error")).ToHaveTextAsync("Enter the email address to ban.");
        await AssertNoBlockingViolationsAsync(dashboard.Page, $"dashboard bans with no address ({view})");
        await dashboard.BanValue("Email address").FillAsync("not-an-address");
        await dashboard.AddBan.ClickAsync();
        await Expect(dashboard.Page.Locator("#ban-value-error")).ToHaveTextAsync("This is not an email address.");
        await Expect(dashboard.Page.Locator("#ban-reason-error")).ToBeVisibleAsync();
        await AssertNoBlockingViolationsAsync(dashboard.Page, $"dashboard bans with field errors ({view})");
        await dashboard.Page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"dashboard-bans-{view}.png"), FullPage = true });

        if (view == "phone")
        {
            var overflow = await dashboard.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
            Assert.False(overflow, "the bans tab should not scroll sideways at phone width");
        }
    }

    internal static async Task AssertNoBlockingViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();

        Assert.NotEmpty(result.Passes);
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToArray();
        Assert.True(blocking.Length == 0, $"{what}:\n" + string.Join("\n", blocking.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
