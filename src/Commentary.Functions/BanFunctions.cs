namespace Commentary.Functions;

/// <summary>The ban list; see <see cref="BanEndpoints"/>.</summary>
public sealed class BanFunctions(BanEndpoints endpoints)
{
    [Function(FunctionNames.ListBans)]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Bans)] HttpRequest request) =>
        endpoints.ListAsync(request);

    [Function(FunctionNames.AddBan)]
    public Task<IResult> Add([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Bans)] HttpRequest request) =>
        endpoints.AddAsync(request);

    [Function(FunctionNames.RemoveBan)]
    public Task<IResult> Remove([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Ban)] HttpRequest request, string banId) =>
        endpoints.RemoveAsync(request, banId);
}
