using System.Globalization;
using System.Runtime.CompilerServices;

namespace Commentary.Api.Articles;

public sealed record ArticleSummary(
    string Slug, string Title, string Author, DateTimeOffset Published, DateTimeOffset? Updated,
    string? Summary, IReadOnlyList<string> Tags, int CommentCount);

public sealed record ArticleList(IReadOnlyList<ArticleSummary> Items, string? ContinuationToken);

/// <param name="EmailNotifications">The site emails commenters who ask: the comment form may offer it.</param>
public sealed record ArticleDetail(
    string Slug, string Title, string Author, DateTimeOffset Published, DateTimeOffset? Updated,
    string? Summary, IReadOnlyList<string> Tags, string Html, bool CommentsOpen, int CommentCount, bool EmailNotifications)
{
    /// <summary>Readers may mark comments "This helped" (the live setting <c>helpfulMarks.enabled</c>): the widget shows the button.</summary>
    public bool HelpfulMarks { get; init; }
}

/// <summary><c>GET /articles</c> and <c>GET /articles/{slug}</c>.</summary>
public sealed class ArticleEndpoints(ArticleStore articles, CommentPageCache comments, SubscriptionLinks subscriptionLinks, PolicyProvider policies, EndpointGuard guard)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    // The answer for each article version in memory, made again only when its comment count moves. It lives as long
    // as the article version does: a new version of the blob is a new key, and the old answer goes with the old key.
    private readonly ConditionalWeakTable<StoredArticle, CountedAnswer> _answers = [];

    public Task<IResult> ListAsync(HttpRequest request) => guard.RunAsync(request, async cancellationToken =>
    {
        var (page, problem) = PageRequest.From(request, DefaultLimit, MaxLimit, IsOffsetToken);
        if (problem is not null)
        {
            return problem;
        }

        var all = await articles.ListAsync(cancellationToken);
        var offset = page!.After is null ? 0 : int.Parse(page.After, CultureInfo.InvariantCulture);
        var slice = all.Skip(offset).Take(page.Limit).ToArray();
        var counts = await Task.WhenAll(slice.Select(a => comments.CountsAsync(a.Article.Slug, cancellationToken)));
        var items = slice.Select((a, i) => new ArticleSummary(
            a.Article.Slug, a.Article.Title, a.Article.Author, a.Article.Published, a.Article.Updated,
            a.Article.Summary, a.Article.Tags, counts[i].Counts.Approved)).ToArray();
        var next = offset + page.Limit < all.Count ? (offset + page.Limit).ToString(CultureInfo.InvariantCulture) : null;
        request.HttpContext.Response.Headers.CacheControl = HttpCaching.PublicShortLived;
        return ApiJson.Ok(new ArticleList(items, next));
    });

    public Task<IResult> GetAsync(HttpRequest request, string slug) => guard.RunAsync(request, async cancellationToken =>
    {
        // Both usually come from memory; when either must ask storage for an article this instance has read before,
        // the two requests run side by side. A slug it has never seen is checked first, so requests for articles
        // that do not exist (a crawler, a typo, someone guessing) never reach the comments table.
        var counter = articles.Holds(slug) ? comments.CountsAsync(slug, cancellationToken) : null;
        var stored = await articles.FindAsync(slug, cancellationToken);
        if (stored is null)
        {
            return Problems.NotFound($"There is no article '{slug}'.");
        }

        var count = (await (counter ?? comments.CountsAsync(slug, cancellationToken))).Counts.Approved;
        var helpful = (await policies.CurrentSettingsAsync(cancellationToken)).HelpfulMarks.Enabled;
        var answer = AnswerFor(stored, count, helpful);
        if (HttpCaching.IsNotModified(request, answer.ETag, HttpCaching.PublicShortLived))
        {
            return HttpCaching.NotModified();
        }

        return answer;
    });

    private JsonAnswer AnswerFor(StoredArticle stored, int count, bool helpful)
    {
        if (_answers.TryGetValue(stored, out var known) && known.Count == count && known.Helpful == helpful)
        {
            return known.Answer;
        }

        var a = stored.Article;
        // The answer includes the comment count and whether mail is offered, so the ETag covers them as well as the article's version.
        var mail = subscriptionLinks.IsEnabled;
        var answer = JsonAnswer.Of(
            new ArticleDetail(a.Slug, a.Title, a.Author, a.Published, a.Updated, a.Summary, a.Tags, a.Html, a.CommentsOpen, count, mail) { HelpfulMarks = helpful },
            HttpCaching.ETagOf(stored.ETag, count.ToString(CultureInfo.InvariantCulture), mail ? "mail" : "no-mail", helpful ? "helpful" : "no-helpful"));
        _answers.AddOrUpdate(stored, new CountedAnswer(count, helpful, answer));
        return answer;
    }

    private static bool IsOffsetToken(string token) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset >= 0;

    private sealed record CountedAnswer(int Count, bool Helpful, JsonAnswer Answer);
}
