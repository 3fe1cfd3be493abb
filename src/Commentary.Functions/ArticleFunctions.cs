using Commentary.Api.Articles;

namespace Commentary.Functions;

/// <summary>Public article routes; the behaviour lives in <see cref="ArticleEndpoints"/>.</summary>
public sealed class ArticleFunctions(ArticleEndpoints endpoints)
{
    [Function(FunctionNames.ListArticles)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Articles)] HttpRequest request) =>
        endpoints.ListAsync(request);

    [Function(FunctionNames.GetArticle)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Article)] HttpRequest request, string slug) =>
        endpoints.GetAsync(request, slug);
}
