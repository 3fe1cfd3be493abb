using Commentary.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>
/// An Approve link from a moderator's notification, opened in the browser: a confirmation page that changes nothing
/// until its button is pressed, then the comment is published; going back to the page finds the link used.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ModerationLinkPageTests(BrowserFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    private async Task<CommentStatus> StatusAsync(string slug, string id) =>
        (await _host.Services.GetRequiredService<CommentStore>().FindAsync(slug, id, CancellationToken.None))!.Status;

    [Fact]
    public async Task A_moderator_opens_an_approve_link_confirms_on_the_page_and_the_comment_is_published()
    {
        var slug = await _host.AddArticleAsync("link-page");
        var id = await _host.PendingCommentAsync(slug, "Sam", "The breathing exercise helped me sleep through the night. Thank you.");
        var link = await _host.LinkForAsync(ModerationLinkAction.Approve, slug, id, "ann@example.org");

        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        await page.GotoAsync(_host.OnHost(link).ToString());

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Approve this comment?" })).ToBeVisibleAsync();
        await Expect(page.Locator("blockquote")).ToContainTextAsync("The breathing exercise helped me sleep");
        // Our stylesheet loaded under the page's policy: the page is laid out as a card, not as bare HTML.
        Assert.Equal("640px", await page.Locator("main").EvaluateAsync<string>("m => getComputedStyle(m).maxWidth"));
        var axe = await page.RunAxe();
        var blocking = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(blocking.Length == 0, string.Join("\n", blocking.Select(v => $"{v.Id} ({v.Impact}): {v.Help}")));
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("moderation-link-confirm.png"), FullPage = true });
        Assert.Equal(CommentStatus.Pending, await StatusAsync(slug, id));

        await page.GetByRole(AriaRole.Button, new() { Name = "Approve comment" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comment approved" })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("ann@example.org (email link)");
        Assert.Equal(CommentStatus.Approved, await StatusAsync(slug, id));

        // Back to the confirmation: it is never cached, so the browser asks again and hears the link was used.
        await page.GoBackAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link was used already" })).ToBeVisibleAsync();

        var reader = await ReaderPage.OpenAsync(context, slug);
        await Expect(reader.Comment(id)).ToContainTextAsync("The breathing exercise helped me sleep");
        Assert.Empty(violations);
    }
}
