using Commentary.Core.Moderation.Akismet;

namespace Commentary.Server.Queue;

/// <summary>The self-host's <c>AkismetWork</c> trigger on <c>akismet-work</c>: late rechecks and moderators' feedback.</summary>
public sealed class AkismetQueueWorker(QueueTriggerSetup setup, AkismetWorkProcessor processor) : QueueTriggerWorker(setup)
{
    protected override string QueueName => StorageNames.AkismetQueue;

    protected override Task HandleMessageAsync(string text, CancellationToken cancellationToken) => processor.HandleAsync(text, cancellationToken);

    protected override string CommentIdOf(string text) => AkismetWork.Parse(text)?.Id ?? "(unreadable)";
}
