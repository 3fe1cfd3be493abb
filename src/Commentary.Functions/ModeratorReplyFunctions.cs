namespace Commentary.Functions;

/// <summary>A moderator replies with a badge, pins and unpins; the behaviour lives in <see cref="ModeratorReplyEndpoints"/>.</summary>
public sealed class ModeratorReplyFunctions(ModeratorReplyEndpoints endpoints)
{
    [Function(FunctionNames.ReplyToComment)]
    public Task<IResult> Reply([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ModeratorReplies)] HttpRequest request, string slug, string id) =>
        endpoints.ReplyAsync(request, slug, id);

    [Function(FunctionNames.PinComment)]
    public Task<IResult> Pin([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.CommentPin)] HttpRequest request, string slug, string id) =>
        endpoints.PinAsync(request, slug, id);

    [Function(FunctionNames.UnpinComment)]
    public Task<IResult> Unpin([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.CommentPin)] HttpRequest request, string slug, string id) =>
        endpoints.UnpinAsync(request, slug, id);
}
