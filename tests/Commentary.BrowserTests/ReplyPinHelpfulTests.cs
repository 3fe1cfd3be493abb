using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>
/// A moderator replies as the article's author and pins from the dashboard; readers see the badge, the pin, "This
/// helped" and the orders in the widget. Real Chromium, the real self-host and Azurite; axe on each state.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReplyPinHelpfulTests(BrowserFixture fixture)
{
    private static readonly string[] Blocking = ["serious", "critical"];
    private readonly SelfHost _host = fixture.Host;

    [Fact]
    public async Task A_reply_as_the_author_from_the_dashboard_shows_with_its_badge_and_a_pinned_comment_comes_first_labelled()
    {
        var slug = await _host.AddArticleAsync("author-reply");
        var first = await _host.ApprovedCommentAsync(slug, "Ada", "The first comment, never pinned.");
        var question = await _host.ApprovedCommentAsync(slug, "Bo", "Is it normal to feel worse before better?");
        await using var moderatorContext = await fixture.NewContextAsync();
        var dashboard = new DashboardPage(await moderatorContext.NewPageAsync());
        await dashboard.Page.GotoAsync($"moderation.html#comment/{slug}/{question}");
        await dashboard.SignInAsync(SelfHost.ModeratorKey);
        await Expect(dashboard.Item(question)).ToBeVisibleAsync();

        await dashboard.Button(question, "Reply publicly…").ClickAsync();
        await dashboard.Item(question).GetByLabel("Your public reply").FillAsync("Yes, many people feel that. Keep going.");
        await dashboard.Item(question).GetByLabel("Reply as the article’s author").CheckAsync();
        await dashboard.Item(question).GetByRole(AriaRole.Button, new() { Name = "Publish reply", Exact = true }).ClickAsync();
        await Expect(dashboard.Status).ToContainTextAsync("Reply published as Test Author (author).");
        await dashboard.Button(question, "Pin").ClickAsync();
        await Expect(dashboard.Status).ToContainTextAsync("Pinned");
        await Expect(dashboard.Button(question, "Unpin")).ToHaveAttributeAsync("aria-pressed", "true");
        await AssertNoBlockingViolationsAsync(dashboard.Page, "dashboard after a public reply and a pin");

        await using var readerContext = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(readerContext, slug);
        var items = reader.List.Locator(":scope > .cm-item");
        await Expect(items).ToHaveCountAsync(2);
        Assert.Equal([question, first], await items.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)"));
        await Expect(reader.Comment(question).Locator(":scope > article .cm-tag-pinned")).ToHaveTextAsync("Pinned");
        var reply = reader.Comment(question).Locator(".cm-replies > .cm-item").First;
        await Expect(reply).ToContainTextAsync("Yes, many people feel that.");
        await Expect(reply.Locator(".cm-author")).ToHaveTextAsync("Test Author");
        await Expect(reply.Locator(".cm-tag-author")).ToHaveTextAsync("Author");
        await AssertNoBlockingViolationsAsync(reader.Page, "widget with an author reply and a pin");
        await reader.Widget.ScreenshotAsync(new() { Path = Artifacts.PathFor("widget-author-reply-pinned.png") });
    }

    [Fact]
    public async Task This_helped_counts_once_per_reader_stays_pressed_on_the_next_visit_and_orders_the_most_helpful_first()
    {
        var slug = await _host.AddArticleAsync("helped");
        var older = await _host.ApprovedCommentAsync(slug, "Cy", "An older comment.");
        var useful = await _host.ApprovedCommentAsync(slug, "Dee", "Writing it down every evening helped me most.");
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);

        var button = reader.Comment(useful).GetByRole(AriaRole.Button, new() { Name = "This helped 0, comment by Dee", Exact = true });
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
        await button.ClickAsync();
        var pressed = reader.Comment(useful).Locator(".cm-helped");
        await Expect(pressed).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(pressed.Locator(".cm-count")).ToHaveTextAsync("1");
        await Expect(pressed).ToHaveAttributeAsync("aria-label", "This helped 1, comment by Dee");
        await Expect(reader.Status).ToHaveTextAsync("Thank you: marked as helpful.");
        await AssertNoBlockingViolationsAsync(reader.Page, "widget after a helpful mark");
        await reader.Widget.ScreenshotAsync(new() { Path = Artifacts.PathFor("widget-this-helped.png") });

        // Clicking again does nothing; the server would not count it either.
        await pressed.ClickAsync();
        await Expect(pressed.Locator(".cm-count")).ToHaveTextAsync("1");

        var again = await ReaderPage.OpenAsync(context, slug);
        await Expect(again.Comment(useful).Locator(".cm-helped")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(again.Comment(useful).Locator(".cm-count")).ToHaveTextAsync("1");
        var order = again.List.Locator(":scope > .cm-item");
        Assert.Equal([older, useful], await order.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)"));

        await again.Widget.GetByLabel("Sort comments").SelectOptionAsync("helpful");
        await Expect(order.First).ToHaveAttributeAsync("data-id", useful);
        Assert.Equal([useful, older], await order.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)"));
        await again.Widget.GetByLabel("Sort comments").SelectOptionAsync("oldest");
        await Expect(order.First).ToHaveAttributeAsync("data-id", older);
    }

    [Fact]
    public async Task Newest_first_puts_the_latest_thread_on_top_with_its_replies_under_it()
    {
        var slug = await _host.AddArticleAsync("sorting");
        var a = await _host.ApprovedCommentAsync(slug, "Eve", "The first thread.");
        var b = await _host.ApprovedCommentAsync(slug, "Fay", "The second thread.");
        var reply = await _host.ApprovedCommentAsync(slug, "Gus", "A late reply to the first thread.", parentId: a);
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);
        var threads = reader.List.Locator(":scope > .cm-item");
        await Expect(threads).ToHaveCountAsync(2);

        await reader.Widget.GetByLabel("Sort comments").SelectOptionAsync("newest");
        await Expect(threads.First).ToHaveAttributeAsync("data-id", b);
        Assert.Equal([b, a], await threads.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)"));
        await Expect(reader.Page.Locator($".cm-list > #comment-{a} > .cm-replies > #comment-{reply}")).ToHaveCountAsync(1);
        await AssertNoBlockingViolationsAsync(reader.Page, "widget sorted newest first");
        await reader.Widget.ScreenshotAsync(new() { Path = Artifacts.PathFor("widget-sorted-newest.png") });
    }

    private static async Task AssertNoBlockingViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        Assert.NotEmpty(result.Passes);
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact)).ToArray();
        Assert.True(blocking.Length == 0, $"{what}:\n" + string.Join("\n", blocking.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
