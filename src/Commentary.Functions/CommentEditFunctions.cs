namespace Commentary.Functions;

/// <summary>A comment's writer edits or deletes it; the behaviour lives in <see cref="CommentEditEndpoints"/>.</summary>
public sealed class CommentEditFunctions(CommentEditEndpoints endpoints)
{
    [Function(FunctionNames.EditOwnComment)]
    public Task<IResult> Edit([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.ArticleComment)] HttpRequest request, string slug, string id) =>
        endpoints.EditAsync(request, slug, id);

    [Function(FunctionNames.DeleteOwnComment)]
    public Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.ArticleComment)] HttpRequest request, string slug, string id) =>
        endpoints.DeleteAsync(request, slug, id);
}
