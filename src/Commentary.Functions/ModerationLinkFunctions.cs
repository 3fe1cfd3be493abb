namespace Commentary.Functions;

/// <summary>
/// The page behind an Approve or Reject link in a notification. Anonymous: the link's signature is the authority,
/// checked by <see cref="ModerationLinkEndpoints"/>.
/// </summary>
public sealed class ModerationLinkFunctions(ModerationLinkEndpoints endpoints)
{
    [Function(FunctionNames.ConfirmModerationLink)]
    public Task<IResult> Confirm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ModerationLink)] HttpRequest request) =>
        endpoints.ShowAsync(request);

    [Function(FunctionNames.FollowModerationLink)]
    public Task<IResult> Follow([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ModerationLink)] HttpRequest request) =>
        endpoints.ActAsync(request);
}
