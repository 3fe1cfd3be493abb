namespace Commentary.Functions;

/// <summary>An article's public comment routes; the behaviour lives in <see cref="CommentEndpoints"/>.</summary>
public sealed class CommentFunctions(CommentEndpoints endpoints)
{
    [Function(FunctionNames.ListComments)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ArticleComments)] HttpRequest request, string slug) =>
        endpoints.ListAsync(request, slug);

    [Function(FunctionNames.SubmitComment)]
    public Task<IResult> Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ArticleComments)] HttpRequest request, string slug) =>
        endpoints.SubmitAsync(request, slug);
}
