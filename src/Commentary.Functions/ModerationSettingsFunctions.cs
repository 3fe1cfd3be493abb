namespace Commentary.Functions;

/// <summary>The moderation settings routes; the key is checked by <see cref="ModeratorAccess"/> itself.</summary>
public sealed class ModerationSettingsFunctions(ModerationSettingsEndpoints endpoints)
{
    [Function(FunctionNames.GetModerationSettings)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ModerationSettings)] HttpRequest request) =>
        endpoints.GetAsync(request);

    [Function(FunctionNames.PutModerationSettings)]
    public Task<IResult> Put([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.ModerationSettings)] HttpRequest request) =>
        endpoints.PutAsync(request);
}
