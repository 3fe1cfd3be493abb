using System.Collections.Concurrent;

namespace Commentary.Core.Comments;

/// <summary>
/// The newest approved comments of an article, and of the whole site, for feeds. Each article's list is kept with the
/// version (ETag) of its counter entity that it was read under, which every change to its comments moves: a feed is
/// read again from storage only after its comments changed, and a feed reader polling an unchanged article costs the
/// counter check the read cache makes anyway (<see cref="CommentPageCache"/>).
/// </summary>
public sealed class NewestComments(ArticleStore articles, CommentStore store, CommentPageCache pages)
{
    public const int FeedSize = 50;

    // Bounded like the page cache: a crawler walking every feed must not grow it without limit.
    private const int MaxArticles = 10_000;
    private const int ReadPage = 1_000;
    private readonly ConcurrentDictionary<string, NewestOfArticle> _articles = new(StringComparer.Ordinal);

    /// <summary>The article's newest approved comments, newest first, or null when there is no such article.</summary>
    public async Task<(StoredArticle Article, NewestOfArticle Newest)?> OfArticleAsync(string slug, CancellationToken cancellationToken)
    {
        var article = await articles.FindAsync(slug, cancellationToken);
        return article is null ? null : (article, await NewestAsync(slug, cancellationToken));
    }

    /// <summary>The site's newest approved comments over every readable article, newest first, with each one's article.</summary>
    public async Task<SiteNewest> OfSiteAsync(CancellationToken cancellationToken)
    {
        var listing = await articles.ListAsync(cancellationToken);
        var newest = await Task.WhenAll(listing.Select(a => NewestAsync(a.Article.Slug, cancellationToken)));
        var items = listing.Zip(newest)
            .SelectMany(pair => pair.Second.Items.Select(comment => (pair.First, Comment: comment)))
            .OrderByDescending(x => x.Comment.Id, StringComparer.Ordinal)
            .Take(FeedSize)
            .ToArray();
        // The site's version: every article's version and counter version, in listing order.
        var version = string.Join('\n', listing.Zip(newest).Select(pair => $"{pair.First.Article.Slug} {pair.First.ETag} {pair.Second.Version}"));
        return new SiteNewest(items, version);
    }

    private async Task<NewestOfArticle> NewestAsync(string slug, CancellationToken cancellationToken)
    {
        var counter = await pages.CountsAsync(slug, cancellationToken);
        if (counter.Counts.Approved == 0 || counter.Version is null)
        {
            return new NewestOfArticle([], counter.Version);
        }

        if (_articles.TryGetValue(slug, out var known) && known.Version == counter.Version)
        {
            return known;
        }

        // Read after the counter, so the list is at least as new as the version it is filed under (as the page cache
        // does). Ids sort by submission time, so the newest are the last ones of the oldest-first approved range.
        var newest = new Queue<PublishedComment>(FeedSize + 1);
        string? after = null;
        do
        {
            var (items, lastId) = await store.ListApprovedAsync(slug, after, ReadPage, cancellationToken);
            foreach (var item in items)
            {
                newest.Enqueue(item);
                if (newest.Count > FeedSize)
                {
                    newest.Dequeue();
                }
            }

            after = lastId;
        }
        while (after is not null);

        var list = new NewestOfArticle([.. newest.Reverse()], counter.Version);
        if (_articles.Count >= MaxArticles)
        {
            _articles.Clear();
        }

        _articles[slug] = list;
        return list;
    }
}

/// <summary>An article's newest approved comments, newest first, and the counter version they were read under.</summary>
public sealed record NewestOfArticle(IReadOnlyList<PublishedComment> Items, string? Version);

/// <summary>The site's newest approved comments, newest first, each with its article, and a version of them all.</summary>
public sealed record SiteNewest(IReadOnlyList<(StoredArticle Article, PublishedComment Comment)> Items, string Version);
