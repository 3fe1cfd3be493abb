namespace Commentary.Functions;

/// <summary>
/// The moderation queue and the decisions on one comment. Anonymous to the Functions host, like every moderator
/// route: the key is checked by the endpoints themselves (<see cref="ModeratorAccess"/>), so the self-host is exactly as safe.
/// </summary>
public sealed class ModerationFunctions(ModerationEndpoints endpoints)
{
    [Function(FunctionNames.ListModerationComments)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ModerationComments)] HttpRequest request) =>
        endpoints.ListAsync(request);

    [Function(FunctionNames.GetModeratedComment)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ModerationComment)] HttpRequest request, string slug, string id) =>
        endpoints.GetAsync(request, slug, id);

    [Function(FunctionNames.ApproveComment)]
    public Task<IResult> Approve([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ApproveComment)] HttpRequest request, string slug, string id) =>
        endpoints.ApproveAsync(request, slug, id);

    [Function(FunctionNames.RejectComment)]
    public Task<IResult> Reject([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RejectComment)] HttpRequest request, string slug, string id) =>
        endpoints.RejectAsync(request, slug, id);

    [Function(FunctionNames.DeleteComment)]
    public Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.ModerationComment)] HttpRequest request, string slug, string id) =>
        endpoints.DeleteAsync(request, slug, id);
}
