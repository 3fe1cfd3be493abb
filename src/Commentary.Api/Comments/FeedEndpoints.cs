using System.Runtime.CompilerServices;

namespace Commentary.Api.Comments;

/// <summary>
/// <c>GET /articles/{slug}/comments.atom</c> and <c>GET /comments.atom</c>: Atom feeds of the newest approved comments
/// of an article and of the whole site (<see cref="NewestComments"/>), with <c>ETag</c>/<c>304</c> and the cache
/// lifetime of the other public reads. A feed is written once per version of what it shows and served from memory.
/// </summary>
public sealed class FeedEndpoints(NewestComments newest, IOptions<FeedOptions> options, EndpointGuard guard)
{
    private readonly FeedOptions _options = options.Value;
    private readonly ConditionalWeakTable<NewestOfArticle, FeedAnswer> _articleFeeds = [];
    private FeedAnswer? _siteFeed;

    public Task<IResult> ArticleAsync(HttpRequest request, string slug) => guard.RunAsync(request, async cancellationToken =>
    {
        var found = Slug.IsValid(slug) ? await newest.OfArticleAsync(slug, cancellationToken) : null;
        if (found is not { } article)
        {
            return Problems.NotFound($"There is no article '{slug}'.");
        }

        var (host, self) = Where(request);
        var etag = HttpCaching.ETagOf("atom", slug, article.Article.ETag, article.Newest.Version ?? "none", self);
        if (HttpCaching.IsNotModified(request, etag, HttpCaching.PublicShortLived))
        {
            return HttpCaching.NotModified();
        }

        if (!_articleFeeds.TryGetValue(article.Newest, out var answer) || answer.ETag != etag)
        {
            var a = article.Article.Article;
            var source = new AtomFeed.Source(
                AtomFeed.IdOf(host, $"comments/{slug}"), $"Comments on {a.Title}", self, _options.PageOf(slug), a.Updated ?? a.Published);
            answer = new FeedAnswer(etag, AtomFeed.Write(host, source,
                [.. article.Newest.Items.Select(c => new AtomFeed.Entry(article.Article, c, $"Comment by {c.Author}"))], _options));
            _articleFeeds.AddOrUpdate(article.Newest, answer);
        }

        return answer;
    });

    public Task<IResult> SiteAsync(HttpRequest request) => guard.RunAsync(request, async cancellationToken =>
    {
        var site = await newest.OfSiteAsync(cancellationToken);
        var (host, self) = Where(request);
        var etag = HttpCaching.ETagOf("atom", site.Version, self);
        if (HttpCaching.IsNotModified(request, etag, HttpCaching.PublicShortLived))
        {
            return HttpCaching.NotModified();
        }

        if (_siteFeed is not { } answer || answer.ETag != etag)
        {
            var source = new AtomFeed.Source(AtomFeed.IdOf(host, "comments"), "Newest comments", self, null, DateTimeOffset.UnixEpoch);
            answer = new FeedAnswer(etag, AtomFeed.Write(host, source,
                [.. site.Items.Select(x => new AtomFeed.Entry(x.Article, x.Comment, $"{x.Comment.Author} on {x.Article.Article.Title}"))], _options));
            _siteFeed = answer;
        }

        return answer;
    });

    // The feed's own address, as the reader asked for it (without a query), and the host that names its ids.
    private static (string Host, string Self) Where(HttpRequest request) =>
        (request.Host.Host, $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}");

    /// <summary>A written feed and its ETag.</summary>
    private sealed class FeedAnswer(string etag, byte[] body) : IResult
    {
        public string ETag { get; } = etag;

        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = AtomFeed.ContentType;
            response.ContentLength = body.Length;
            return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}
