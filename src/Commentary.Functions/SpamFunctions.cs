namespace Commentary.Functions;

/// <summary>A moderator marks a comment as spam; the behaviour lives in <see cref="SpamEndpoints"/>.</summary>
public sealed class SpamFunctions(SpamEndpoints endpoints)
{
    [Function(FunctionNames.MarkCommentAsSpam)]
    public Task<IResult> MarkAsSpam([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.SpamComment)] HttpRequest request, string slug, string id) =>
        endpoints.MarkAsync(request, slug, id);
}
