using Commentary.Api.Http;
using Commentary.Api.Moderation;
using Commentary.Core.Moderation.Classifier;
using Commentary.Core.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Commentary.Functions;

/// <summary>The moderation model routes; the daily retrain at a quiet hour (UTC) and the retrains moderators ask for.</summary>
public sealed class ModelFunctions(ModelEndpoints endpoints, ModelRetrainer retrainer)
{
    public const string Schedule = "0 41 3 * * *";

    [Function(FunctionNames.GetModerationModel)]
    public Task<IResult> Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ModerationModel)] HttpRequest request) =>
        endpoints.GetAsync(request);

    [Function(FunctionNames.RetrainModerationModel)]
    public Task<IResult> Retrain([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RetrainModerationModel)] HttpRequest request) =>
        endpoints.RetrainAsync(request);

    [Function(FunctionNames.RetrainModel)]
    public Task RunRetrain([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        retrainer.RetrainAsync(cancellationToken);

    [Function(FunctionNames.RetrainModelOnRequest)]
    public Task RunRequestedRetrain(
        [QueueTrigger(StorageNames.ModelRetrainQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        retrainer.HandleRequestAsync(message, cancellationToken);
}
