using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>The moderation dashboard in a real Chromium against the real self-host and Azurite.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class DashboardTests(BrowserFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    [Fact]
    public async Task A_wrong_key_is_refused_and_the_right_one_is_kept_in_session_storage_only_until_sign_out()
    {
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.OpenAsync(context);

        await dashboard.SignInAsync("not-the-key");
        await Expect(dashboard.KeyError).ToHaveTextAsync("That key was not accepted.");
        await Expect(dashboard.Tab("Pending")).ToBeHiddenAsync();

        await dashboard.SignInAsync(SelfHost.ModeratorKey);
        await Expect(dashboard.Tab("Pending")).ToBeVisibleAsync();
        Assert.Equal(SelfHost.ModeratorKey, await dashboard.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('commentary:moderator-key')"));
        Assert.Equal(0, await dashboard.Page.EvaluateAsync<int>("() => localStorage.length"));

        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(dashboard.Key).ToBeVisibleAsync();
        Assert.Null(await dashboard.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('commentary:moderator-key')"));
    }

    [Fact]
    public async Task A_notifications_link_opens_its_comment_in_its_own_list_with_focus()
    {
        var slug = await _host.AddArticleAsync("linked");
        var linked = await _host.ApprovedCommentAsync(slug, "Noor", "The comment a notification pointed a moderator at.");
        await _host.PendingCommentAsync(slug, "Ines", "Another comment, waiting in the pending list.");
        await using var context = await fixture.NewContextAsync();
        var dashboard = new DashboardPage(await context.NewPageAsync());

        await dashboard.Page.GotoAsync($"moderation.html#comment/{slug}/{linked}");
        await dashboard.SignInAsync(SelfHost.ModeratorKey);

        await Expect(dashboard.Tab("Approved")).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(dashboard.Item(linked)).ToBeVisibleAsync();
        Assert.True(await dashboard.Item(linked).EvaluateAsync<bool>("item => item.contains(document.activeElement)"));

        await dashboard.Page.GotoAsync($"moderation.html#comment/{slug}/01ARZ3NDEKTSV4RRFFQ69G5FAV");
        await Expect(dashboard.Page.Locator("#status")).ToContainTextAsync("deleted");
    }

    [Fact]
    public async Task A_moderator_role_key_sees_only_what_the_role_may_do_and_an_admin_key_sees_everything()
    {
        var slug = await _host.AddArticleAsync("role-view");
        var id = await _host.PendingCommentAsync(slug, "Rowan", "A first comment from a new address waits for a moderator.");
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.OpenAsync(context);

        await dashboard.SignInAsync(SelfHost.QueueModeratorKey);
        await dashboard.LoadedAsync();
        await Expect(dashboard.Page.Locator("#signed-in-as")).ToHaveTextAsync($"{SelfHost.QueueModeratorName} (moderator)");
        foreach (var adminOnly in new[] { "Bans", "Poison", "Settings" })
        {
            await Expect(dashboard.Tab(adminOnly)).ToBeHiddenAsync();
        }

        await Expect(dashboard.Page.Locator("button[data-bulk='delete']")).ToBeHiddenAsync();
        await Expect(dashboard.Button(id, "Delete")).ToBeHiddenAsync();
        await Expect(dashboard.Button(id, "Ban author…")).ToBeHiddenAsync();
        await dashboard.Button(id, "Approve").ClickAsync();
        await Expect(dashboard.Item(id)).ToHaveCountAsync(0);
        Assert.Equal("approved", await Eventually.GetAsync(async () =>
        {
            var status = await _host.StoredStatusAsync(slug, id);
            return status == "approved" ? status : null;
        }, "the comment to be approved"));

        // The arrow keys skip the tabs the role cannot use: left from Pending wraps round to Rejected.
        await dashboard.Tab("Pending").PressAsync("ArrowLeft");
        await Expect(dashboard.Tab("Rejected")).ToBeFocusedAsync();

        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await dashboard.SignInAsync(SelfHost.ModeratorKey);
        await dashboard.LoadedAsync();
        await Expect(dashboard.Page.Locator("#signed-in-as")).ToHaveTextAsync($"{SelfHost.ModeratorName} (admin)");
        foreach (var tab in new[] { "Bans", "Poison", "Settings" })
        {
            await Expect(dashboard.Tab(tab)).ToBeVisibleAsync();
        }

        await Expect(dashboard.Page.Locator("button[data-bulk='delete']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Each_held_comment_shows_why_it_was_held_its_article_and_the_commenters_history()
    {
        var slug = await _host.AddArticleAsync("reasons");
        var id = await _host.PendingCommentAsync(slug, "Lena", "See https://a.example and https://b.example");
        await using var context = await fixture.NewContextAsync();

        var dashboard = await DashboardPage.SignedInAsync(context);

        var item = dashboard.Item(id);
        await Expect(item.Locator(".who")).ToHaveTextAsync("Lena");
        await Expect(item.Locator(".where")).ToContainTextAsync(slug);
        await Expect(item.Locator(".reasons")).ToContainTextAsync("links");
        await Expect(item.Locator(".reasons")).ToContainTextAsync("first-comment");
        await Expect(item.Locator(".history")).ToContainTextAsync("0 approved · 1 pending · 0 rejected");
    }

    [Fact]
    public async Task Rejecting_asks_for_a_reason_and_the_rejected_tab_shows_it()
    {
        var slug = await _host.AddArticleAsync("rejecting");
        var id = await _host.PendingCommentAsync(slug, "Mo", "Buy my course, link in bio.");
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);

        await dashboard.Button(id, "Reject").ClickAsync();
        var reason = dashboard.Item(id).GetByLabel("Why is it rejected?");
        await Expect(reason).ToBeFocusedAsync();
        await dashboard.Button(id, "Reject comment").ClickAsync();
        await Expect(dashboard.Status).ToContainTextAsync("Say why the comment is rejected");
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, id));

        await reason.FillAsync("Advertising");
        await reason.PressAsync("Enter");
        await Expect(dashboard.Item(id)).ToHaveCountAsync(0);
        Assert.Equal("rejected", await Eventually.GetAsync(async () =>
        {
            var status = await _host.StoredStatusAsync(slug, id);
            return status == "rejected" ? status : null;
        }, "the comment to be rejected"));

        await dashboard.Tab("Rejected").ClickAsync();
        await Expect(dashboard.Item(id)).ToContainTextAsync($"Rejected by {SelfHost.ModeratorName}");
        await Expect(dashboard.Item(id)).ToContainTextAsync("Advertising");
        await Expect(dashboard.Button(id, "Approve")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_decision_on_a_comment_someone_else_changed_is_rolled_back_with_a_notice()
    {
        var slug = await _host.AddArticleAsync("conflict");
        var id = await _host.PendingCommentAsync(slug, "Nia", "Two moderators read this at once.");
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        await Expect(dashboard.Item(id)).ToBeVisibleAsync();

        // Another moderator approves it through the API; this dashboard still holds the old etag.
        await _host.ModerateAsync("approve", slug, id);
        await dashboard.Button(id, "Reject").ClickAsync();
        await dashboard.Item(id).GetByLabel("Why is it rejected?").FillAsync("Off topic");
        await dashboard.Button(id, "Reject comment").ClickAsync();

        await Expect(dashboard.Item(id).Locator(".notice")).ToContainTextAsync("Someone else changed this comment");
        await Expect(dashboard.Status).ToContainTextAsync("Someone else changed this comment");
        Assert.Equal("approved", await _host.StoredStatusAsync(slug, id));
    }

    [Fact]
    public async Task Deleting_asks_first_and_then_removes_the_comment_for_good()
    {
        var slug = await _host.AddArticleAsync("deleting");
        var id = await _host.PendingCommentAsync(slug, "Ros", "Please remove my earlier comment.");
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        var answers = new Queue<bool>([false, true]);
        dashboard.Page.Dialog += async (_, dialog) =>
        {
            if (answers.Dequeue())
            {
                await dialog.AcceptAsync();
            }
            else
            {
                await dialog.DismissAsync();
            }
        };

        await dashboard.Button(id, "Delete").ClickAsync();
        await Expect(dashboard.Item(id)).ToBeVisibleAsync();
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, id));

        await dashboard.Button(id, "Delete").ClickAsync();
        await Expect(dashboard.Item(id)).ToHaveCountAsync(0);
        await Expect(dashboard.Status).ToContainTextAsync("Deleted the comment by Ros");
        Assert.Null(await _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None));
    }

    [Fact]
    public async Task Keyboard_shortcuts_move_between_comments_select_approve_reject_and_show_help()
    {
        var slug = await _host.AddArticleAsync("keys");
        var first = await _host.PendingCommentAsync(slug, "Ola", "First of three.");
        var second = await _host.PendingCommentAsync(slug, "Pim", "Second of three.");
        await _host.PendingCommentAsync(slug, "Quin", "Third of three.");
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);
        var order = await dashboard.Items.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)");
        var at = Array.IndexOf(order, second);
        Assert.True(at >= 0 && at < order.Length - 1, $"the list should hold the seeded comments, newest first: {second} in {string.Join(", ", order)}");

        await dashboard.Item(second).Locator("article").FocusAsync();
        await dashboard.Page.Keyboard.PressAsync("j");
        Assert.Equal(order[at + 1], await dashboard.FocusedItemIdAsync());
        await dashboard.Page.Keyboard.PressAsync("k");
        Assert.Equal(second, await dashboard.FocusedItemIdAsync());

        await dashboard.Page.Keyboard.PressAsync("x");
        await Expect(dashboard.Item(second).Locator("input.select")).ToBeCheckedAsync();
        await dashboard.Page.Keyboard.PressAsync("a");
        await Expect(dashboard.Item(second)).ToHaveCountAsync(0);
        Assert.Equal("approved", await Eventually.GetAsync(async () =>
        {
            var status = await _host.StoredStatusAsync(slug, second);
            return status == "approved" ? status : null;
        }, "the comment to be approved"));
        Assert.NotNull(await dashboard.FocusedItemIdAsync());

        await dashboard.Item(first).Locator("article").FocusAsync();
        await dashboard.Page.Keyboard.PressAsync("r");
        await Expect(dashboard.Item(first).GetByLabel("Why is it rejected?")).ToBeFocusedAsync();
        await dashboard.Page.Keyboard.TypeAsync("Spam");
        await dashboard.Page.Keyboard.PressAsync("Enter");
        await Expect(dashboard.Item(first)).ToHaveCountAsync(0);

        await dashboard.Page.Keyboard.PressAsync("?");
        await Expect(dashboard.Help).ToBeVisibleAsync();
        await Expect(dashboard.Help).ToContainTextAsync("Approve the current comment");
        await dashboard.Page.Keyboard.PressAsync("Escape");
        await Expect(dashboard.Help).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Bulk_approve_acts_on_every_selected_comment()
    {
        var slug = await _host.AddArticleAsync("bulk");
        var one = await _host.PendingCommentAsync(slug, "Rae", "Bulk one.");
        var two = await _host.PendingCommentAsync(slug, "Sol", "Bulk two.");
        var left = await _host.PendingCommentAsync(slug, "Tam", "Not selected.");
        await using var context = await fixture.NewContextAsync();
        var dashboard = await DashboardPage.SignedInAsync(context);

        await dashboard.Item(one).Locator("input.select").CheckAsync();
        await dashboard.Item(two).Locator("input.select").CheckAsync();
        await dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Approve selected (2)" }).ClickAsync();

        await Expect(dashboard.Status).ToContainTextAsync("Approved 2 of 2.");
        Assert.Equal("approved", await _host.StoredStatusAsync(slug, one));
        Assert.Equal("approved", await _host.StoredStatusAsync(slug, two));
        Assert.Equal("pending", await _host.StoredStatusAsync(slug, left));
        await Expect(dashboard.Item(left)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Urgent_comments_come_first_and_stand_out()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        // The policy does not mark anything urgent yet, so the list is supplied here in the API's own shape.
        await page.RouteAsync(url => url.EndsWith("/moderation/me", StringComparison.Ordinal), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = """{"name":"Test","role":"admin"}""",
        }));
        await page.RouteAsync(url => url.Contains("/moderation/comments?", StringComparison.Ordinal), route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = "application/json",
            Body = JsonSerializer.Serialize(new
            {
                items = new[] { Record("01M8A0000000000000000NORML", "normal", "Uma"), Record("01M8A0000000000000000URGNT", "urgent", "Vic") },
                continuationToken = (string?)null,
            }),
        }));
        var dashboard = new DashboardPage(page);
        await page.GotoAsync("moderation.html");
        await dashboard.SignInAsync("any-key-the-fake-list-accepts");

        await Expect(dashboard.Items).ToHaveCountAsync(2);
        await Expect(dashboard.Items.First).ToHaveAttributeAsync("data-id", "01M8A0000000000000000URGNT");
        await Expect(dashboard.Items.First).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\burgent\b"));
        await Expect(dashboard.Items.First.Locator(".badge")).ToHaveTextAsync("Urgent");
        await Expect(dashboard.Items.Nth(1).Locator(".badge")).ToHaveCountAsync(0);
        await Expect(page.Locator("#summary")).ToContainTextAsync("1 urgent");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-urgent.png") });
    }

    private static object Record(string id, string priority, string author) => new
    {
        slug = "some-article",
        id,
        parentId = (string?)null,
        author,
        email = $"{author.ToLowerInvariant()}@example.com",
        website = (string?)null,
        body = "Text",
        html = "<p>Text</p>",
        created = "2026-11-20T10:00:00+00:00",
        status = "pending",
        score = 0.2,
        priority,
        reasons = new[] { new { rule = "first-comment", detail = "First comment from this email address." } },
        ipHash = (string?)null,
        moderatedBy = (string?)null,
        moderatedAt = (string?)null,
        statusNote = (string?)null,
        etag = "W/\"1\"",
        history = new { approved = 0, pending = 1, rejected = 0 },
    };
}
