namespace Commentary.Functions;

/// <summary>The poison queue as moderators see it; see <see cref="PoisonEndpoints"/>.</summary>
public sealed class PoisonFunctions(PoisonEndpoints endpoints)
{
    [Function(FunctionNames.ListPoisonMessages)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.PoisonMessages)] HttpRequest request) =>
        endpoints.ListAsync(request);

    [Function(FunctionNames.RequeuePoisonMessage)]
    public Task<IResult> Requeue([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RequeuePoisonMessage)] HttpRequest request, string messageId) =>
        endpoints.RequeueAsync(request, messageId);

    [Function(FunctionNames.DiscardPoisonMessage)]
    public Task<IResult> Discard([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.PoisonMessage)] HttpRequest request, string messageId) =>
        endpoints.DiscardAsync(request, messageId);
}
