using Commentary.Core.Moderation.Classifier;

namespace Commentary.Server.Queue;

/// <summary>The self-host's <c>RetrainModelOnRequest</c> trigger on <c>model-retrain</c>: retrains moderators asked for.</summary>
public sealed class RetrainQueueWorker(QueueTriggerSetup setup, ModelRetrainer retrainer) : QueueTriggerWorker(setup)
{
    protected override string QueueName => StorageNames.ModelRetrainQueue;

    /// <summary>A retrain takes a minute or so; the Functions trigger renews its lease meanwhile, this one asks for long enough.</summary>
    protected override TimeSpan ProcessingLease => TimeSpan.FromMinutes(10);

    protected override Task HandleMessageAsync(string text, CancellationToken cancellationToken) => retrainer.HandleRequestAsync(text, cancellationToken);

    protected override string CommentIdOf(string text) => "(retrain request)";
}
