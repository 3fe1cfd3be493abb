using static Microsoft.Playwright.Assertions;

namespace Commentary.BrowserTests;

/// <summary>count.js on the demo listing page: every marked link filled from one request, in the site's own words.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CountScriptTests(BrowserFixture fixture)
{
    private readonly SelfHost _host = fixture.Host;

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task A_listing_page_shows_each_articles_count_from_one_request_and_passes_axe(string view)
    {
        var busy = await _host.AddArticleAsync("listbusy");
        var single = await _host.AddArticleAsync("listone");
        var quiet = await _host.AddArticleAsync("listquiet");
        var unknown = $"no-such-article-{Guid.NewGuid():N}"[..30];
        foreach (var n in new[] { 1, 2, 3 })
        {
            await _host.ApprovedCommentAsync(busy, $"Reader {n}", $"Listing comment {n} ({view}).");
        }

        await _host.ApprovedCommentAsync(single, "Solo", $"The only comment here ({view}).");
        await _host.PendingCommentAsync(single, "Waiting", $"Pending comments are not counted ({view}).");
        await using var context = await fixture.NewContextAsync(view == "dark" ? ColorScheme.Dark : ColorScheme.Light);
        var page = await context.NewPageAsync();
        var countRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/counts", StringComparison.Ordinal))
            {
                countRequests.Add(request.Url);
            }
        };

        await page.GotoAsync($"listing.html?articles={busy},{single},{quiet},{unknown}");

        await Expect(Count(page, busy)).ToHaveTextAsync("3 comments");
        await Expect(Count(page, single)).ToHaveTextAsync("1 comment");
        await Expect(Count(page, quiet)).ToHaveTextAsync("0 comments");
        await Expect(Count(page, unknown)).ToHaveTextAsync("0 comments");
        await Expect(page.Locator("#listing a").First).ToHaveTextAsync($"Test article {busy}");
        var asked = Assert.Single(countRequests);
        Assert.Equal(4, new Uri(asked).Query.Split('&').Count(p => p.Contains("article=", StringComparison.Ordinal)));

        await AccessibilityTests.AssertNoBlockingViolationsAsync(page, $"listing page ({view})");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor($"listing-{view}.png"), FullPage = true });
    }

    [Fact]
    public async Task A_site_writes_the_words_in_its_own_language_and_links_added_later_are_filled_on_request()
    {
        var slug = await _host.AddArticleAsync("listwords");
        foreach (var n in new[] { 1, 2 })
        {
            await _host.ApprovedCommentAsync(slug, $"Leser {n}", $"Ein Kommentar zum Zählen, Nummer {n}.");
        }

        var empty = await _host.AddArticleAsync("listempty");
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"listing.html?articles={slug}");
        await Expect(Count(page, slug)).ToHaveTextAsync("2 comments");

        // A page that adds links after load, with German words on the element, asks count.js to fill them.
        await page.EvaluateAsync(
            """
            ([slug, empty]) => {
              for (const s of [slug, empty]) {
                const a = document.createElement('a');
                a.href = '#';
                a.className = 'later';
                a.dataset.commentaryCount = s;
                a.dataset.zero = 'Noch keine Kommentare';
                a.dataset.one = '{n} Kommentar';
                a.dataset.other = '{n} Kommentare';
                a.textContent = 'Kommentare';
                document.getElementById('listing').append(a);
              }
              document.dispatchEvent(new Event('commentary:count'));
            }
            """, new[] { slug, empty });

        await Expect(page.Locator($"a.later[data-commentary-count='{slug}']")).ToHaveTextAsync("2 Kommentare");
        await Expect(page.Locator($"a.later[data-commentary-count='{empty}']")).ToHaveTextAsync("Noch keine Kommentare");
        await Expect(Count(page, slug).First).ToHaveTextAsync("2 comments");
    }

    private static ILocator Count(IPage page, string slug) => page.Locator($".listing-count[data-commentary-count='{slug}']");
}
