using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>
/// A reader edits and deletes their own comments in the widget while the edit window is open, with the token the
/// receipt gave their browser; other readers see no such buttons; after the window the API refuses and the widget
/// says so.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class EditOwnCommentTests(BrowserFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    private static async Task<string> PostAsync(ReaderPage reader, string body, int pending = 1)
    {
        await reader.FillAsync("Jordan", Seeding.NewEmail(), body);
        await reader.PostAsync();
        await Expect(reader.Pending).ToHaveCountAsync(pending);
        return (await reader.Pending.Last.GetAttributeAsync("data-id"))!;
    }

    private Task<Comment?> StoredAsync(string slug, string id) =>
        _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None);

    /// <summary>
    /// The reader comes back later: a new browser context, so no cached list hides what was approved since, holding
    /// what the widget kept in <c>localStorage</c>.
    /// </summary>
    private async Task<(IBrowserContext Context, ReaderPage Page)> ComeBackAsync(ReaderPage reader, string slug)
    {
        var key = $"commentary-edit:{slug}";
        var kept = await reader.Page.EvaluateAsync<string?>("key => localStorage.getItem(key)", key);
        Assert.False(string.IsNullOrEmpty(kept), "the widget kept the edit tokens");
        var context = await fixture.NewContextAsync();
        await context.AddInitScriptAsync(
            $"if (!sessionStorage.getItem('restored')) {{ localStorage.setItem({JsonSerializer.Serialize(key)}, {JsonSerializer.Serialize(kept)}); sessionStorage.setItem('restored', '1'); }}");
        return (context, await ReaderPage.OpenAsync(context, slug));
    }

    private static ILocator Button(ILocator comment, string name) =>
        comment.Locator(":scope > article > .cm-own").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task A_reader_edits_and_deletes_their_own_comments_within_the_window_and_others_see_no_such_buttons()
    {
        var slug = await _host.AddArticleAsync("edit-own");
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);
        var answered = await PostAsync(reader, "My first thoughts on this article.");
        var alone = await PostAsync(reader, "A second comment nobody will answer.", pending: 2);
        foreach (var id in new[] { answered, alone })
        {
            await _host.StoredStatusAsync(slug, id);
            await _host.ModerateAsync("approve", slug, id);
        }

        var reply = await _host.ApprovedCommentAsync(slug, "Alex", "An answer to the first thoughts.", parentId: answered);

        var (laterContext, page) = await ComeBackAsync(reader, slug);
        await using var later = laterContext;
        var mine = page.Comment(answered);
        await Expect(page.Comment(reply)).ToBeVisibleAsync();
        await Expect(page.Comment(reply).Locator(".cm-own")).ToHaveCountAsync(0);
        await Button(mine, "Edit").ClickAsync();
        var field = mine.GetByLabel("Edit your comment");
        await Expect(field).ToBeFocusedAsync();
        await Expect(field).ToHaveValueAsync("My first thoughts on this article.");

        // The same rules as a new comment: too short is refused in place, by the API.
        await field.FillAsync("x");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(mine.Locator(".cm-edit .cm-error")).ToContainTextAsync("at least 2 characters");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        var axe = await page.Page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help}")));
        await mine.ScreenshotAsync(new() { Path = Artifacts.PathFor("widget-edit-in-place.png") });

        await field.FillAsync("My first thoughts on this article, said more kindly.");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Status).ToContainTextAsync("Your edit is awaiting moderation");
        await Expect(mine.Locator(":scope > article > .cm-body")).ToHaveTextAsync("My first thoughts on this article, said more kindly.");
        await Eventually.GetAsync(async () => (await StoredAsync(slug, answered))?.EditedAt is not null ? "edited" : null, "the edit to be stored");
        Assert.Equal("My first thoughts on this article, said more kindly.", (await StoredAsync(slug, answered))!.Body);

        // The moderator sees the new text on the card, and under History the text it replaced.
        await using (var moderatorContext = await fixture.NewContextAsync())
        {
            var dashboard = new DashboardPage(await moderatorContext.NewPageAsync());
            await dashboard.Page.GotoAsync($"moderation.html#comment/{slug}/{answered}");
            await dashboard.SignInAsync(SelfHost.ModeratorKey);
            var card = dashboard.Item(answered);
            await Expect(card.Locator(".body")).ToContainTextAsync("said more kindly");
            await card.GetByText("History", new() { Exact = true }).ClickAsync();
            await Expect(card.Locator(".events li[data-kind=edited] .before")).ToHaveTextAsync("My first thoughts on this article.");
            await card.ScreenshotAsync(new() { Path = Artifacts.PathFor("dashboard-edit-history.png") });
        }

        // Delete asks first; a "no" changes nothing.
        page.Page.Dialog += RefuseOnce;
        await Button(page.Comment(alone), "Delete").ClickAsync();
        await Expect(page.Comment(alone)).ToBeVisibleAsync();
        Assert.NotNull(await StoredAsync(slug, alone));

        page.Page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await Button(page.Comment(alone), "Delete").ClickAsync();
        await Expect(page.Comment(alone)).ToHaveCountAsync(0);
        await Expect(page.Status).ToHaveTextAsync("Your comment was deleted.");
        Assert.Null(await StoredAsync(slug, alone));

        await Button(mine, "Delete").ClickAsync();
        await Expect(mine.Locator(":scope > article")).ToHaveTextAsync("Deleted by its author");
        await Expect(page.Comment(reply)).ToContainTextAsync("An answer to the first thoughts.");
        await page.Widget.ScreenshotAsync(new() { Path = Artifacts.PathFor("widget-deleted-by-author.png") });

        // Another reader: the placeholder with its reply, and no Edit or Delete anywhere.
        await using var otherContext = await fixture.NewContextAsync();
        var other = await ReaderPage.OpenAsync(otherContext, slug);
        await Expect(other.Comment(answered).Locator(":scope > article")).ToHaveTextAsync("Deleted by its author");
        await Expect(other.Comment(reply)).ToContainTextAsync("An answer to the first thoughts.");
        await Expect(other.Widget.Locator(".cm-own")).ToHaveCountAsync(0);
        axe = await other.Page.RunAxe();
        serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, string.Join("\n", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help}")));

        static void RefuseOnce(object? sender, IDialog dialog)
        {
            ((IPage)sender!).Dialog -= RefuseOnce;
            _ = dialog.DismissAsync();
        }
    }

    [Fact]
    public async Task After_the_window_the_api_refuses_the_edit_and_the_widget_says_so_and_forgets_the_token()
    {
        var slug = await _host.AddArticleAsync("edit-late");
        await using var context = await fixture.NewContextAsync();
        var reader = await ReaderPage.OpenAsync(context, slug);
        var id = await PostAsync(reader, "Words I will want to change too late.");
        await _host.StoredStatusAsync(slug, id);
        await _host.ModerateAsync("approve", slug, id);

        // The window is counted from posting: an hour ago, as far as the server is concerned. The browser still
        // believes it open, as a reader's clock or a stale tab might.
        await _host.Storage.Comments.UpdateEntityAsync(
            new TableEntity(slug, id) { ["Created"] = DateTimeOffset.UtcNow.AddHours(-1) }, ETag.All, TableUpdateMode.Merge);
        var before = await StoredAsync(slug, id);

        var (laterContext, page) = await ComeBackAsync(reader, slug);
        await using var later = laterContext;
        var mine = page.Comment(id);
        await Button(mine, "Edit").ClickAsync();
        await mine.GetByLabel("Edit your comment").FillAsync("Changed after the window closed.");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Status).ToHaveTextAsync("The time to change this comment is over, so it was not changed.");
        await Expect(mine.Locator(".cm-own")).ToHaveCountAsync(0);
        await Expect(mine.Locator(".cm-body")).ToHaveTextAsync("Words I will want to change too late.");
        Assert.Equal(before!.ETag, (await StoredAsync(slug, id))!.ETag);
        var kept = await page.Page.EvaluateAsync<string?>($"() => localStorage.getItem('commentary-edit:{slug}')");
        Assert.True(kept is null || !kept.Contains(id, StringComparison.Ordinal), kept);
        await mine.ScreenshotAsync(new() { Path = Artifacts.PathFor("widget-edit-refused.png") });
    }
}
