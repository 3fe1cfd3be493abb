using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Commentary.Core.Comments;

/// <summary>
/// The approved-comment counts of many articles at once, for a listing page: the same numbers the article pages show,
/// from the same read cache (<see cref="CommentPageCache"/>). A slug that names no article counts 0 without any read of
/// the comments table, so a page of made-up slugs costs nothing but the article listing, which is cached as well.
/// </summary>
public sealed class CommentCounts(ArticleStore articles, CommentPageCache pages)
{
    public const int MaxArticles = 100;

    // The slugs of each article listing, made once per listing: the listing is the same object while it is fresh.
    private readonly ConditionalWeakTable<IReadOnlyList<StoredArticle>, FrozenSet<string>> _known = [];

    /// <summary>The approved count of each distinct slug, in the order first asked for.</summary>
    public async Task<IReadOnlyList<KeyValuePair<string, int>>> ApprovedAsync(IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        var listing = await articles.ListAsync(cancellationToken);
        var known = _known.GetValue(listing, l => l.Select(a => a.Article.Slug).ToFrozenSet(StringComparer.Ordinal));
        var distinct = slugs.Distinct(StringComparer.Ordinal).ToArray();
        var counts = await Task.WhenAll(distinct.Select(async slug =>
            known.Contains(slug) ? (await pages.CountsAsync(slug, cancellationToken)).Counts.Approved : 0));
        return [.. distinct.Select((slug, i) => KeyValuePair.Create(slug, counts[i]))];
    }
}
