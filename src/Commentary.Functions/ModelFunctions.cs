namespace Commentary.Functions;

/// <summary>The moderation model routes; the behaviour lives in <see cref="ModelEndpoints"/>.</summary>
public sealed class ModelFunctions(ModelEndpoints endpoints)
{
    [Function(FunctionNames.GetModerationModel)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ModerationModel)] HttpRequest request) =>
        endpoints.GetAsync(request);

    [Function(FunctionNames.RetrainModerationModel)]
    public Task<IResult> Retrain([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RetrainModerationModel)] HttpRequest request) =>
        endpoints.RetrainAsync(request);
}
