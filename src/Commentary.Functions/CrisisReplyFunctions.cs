namespace Commentary.Functions;

/// <summary>A moderator replies privately to the writer of an urgent comment; see <see cref="CrisisReplyEndpoints"/>.</summary>
public sealed class CrisisReplyFunctions(CrisisReplyEndpoints endpoints)
{
    [Function(FunctionNames.ReplyPrivately)]
    public Task<IResult> ReplyPrivately([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.PrivateReply)] HttpRequest request, string slug, string id) =>
        endpoints.ReplyAsync(request, slug, id);
}
