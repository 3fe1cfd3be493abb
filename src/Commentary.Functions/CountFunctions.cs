namespace Commentary.Functions;

/// <summary>Comment counts for listing pages; the behaviour lives in <see cref="CountEndpoints"/>.</summary>
public sealed class CountFunctions(CountEndpoints endpoints)
{
    [Function(FunctionNames.GetCommentCounts)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CommentCounts)] HttpRequest request) =>
        endpoints.GetAsync(request);
}
