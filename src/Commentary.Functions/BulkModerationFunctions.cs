namespace Commentary.Functions;

/// <summary>One moderator action on many comments; see <see cref="BulkModerationEndpoints"/>.</summary>
public sealed class BulkModerationFunctions(BulkModerationEndpoints endpoints)
{
    [Function(FunctionNames.ModerateInBulk)]
    public Task<IResult> Bulk([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.BulkModeration)] HttpRequest request) =>
        endpoints.RunAsync(request);
}
