namespace Commentary.Functions;

/// <summary>A posted comment's status for its writer; the behaviour lives in <see cref="CommentStatusEndpoints"/>.</summary>
public sealed class CommentStatusFunctions(CommentStatusEndpoints endpoints)
{
    [Function(FunctionNames.GetCommentStatus)]
    public Task<IResult> Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ArticleComment)] HttpRequest request, string slug, string id) =>
        endpoints.StatusAsync(request, slug, id);
}
