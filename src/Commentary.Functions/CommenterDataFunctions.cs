namespace Commentary.Functions;

/// <summary>A commenter's access and erasure requests; see <see cref="CommenterDataEndpoints"/>.</summary>
public sealed class CommenterDataFunctions(CommenterDataEndpoints endpoints)
{
    [Function(FunctionNames.ExportCommenter)]
    public Task<IResult> Export([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Commenter)] HttpRequest request, string email) =>
        endpoints.ExportAsync(request, email);

    [Function(FunctionNames.EraseCommenter)]
    public Task<IResult> Erase([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Commenter)] HttpRequest request, string email) =>
        endpoints.EraseAsync(request, email);
}
