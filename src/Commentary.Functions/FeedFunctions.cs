namespace Commentary.Functions;

/// <summary>Atom feeds of comments; the behaviour lives in <see cref="FeedEndpoints"/>.</summary>
public sealed class FeedFunctions(FeedEndpoints endpoints)
{
    [Function(FunctionNames.GetArticleCommentFeed)]
    public Task<IResult> Article([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ArticleCommentFeed)] HttpRequest request, string slug) =>
        endpoints.ArticleAsync(request, slug);

    [Function(FunctionNames.GetCommentFeed)]
    public Task<IResult> Site([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CommentFeed)] HttpRequest request) =>
        endpoints.SiteAsync(request);
}
