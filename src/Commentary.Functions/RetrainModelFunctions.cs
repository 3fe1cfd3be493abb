using Commentary.Core.Moderation.Classifier;

namespace Commentary.Functions;

/// <summary>The daily retrain at a quiet hour (UTC), and the retrains moderators ask for through the model route.</summary>
public sealed class RetrainModelFunctions(ModelRetrainer retrainer)
{
    public const string Schedule = "0 41 3 * * *";

    [Function(FunctionNames.RetrainModel)]
    public Task RunRetrain([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        retrainer.RetrainAsync(cancellationToken);

    [Function(FunctionNames.RetrainModelOnRequest)]
    public Task RunRequestedRetrain(
        [QueueTrigger(StorageNames.ModelRetrainQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        retrainer.HandleRequestAsync(message, cancellationToken);
}
