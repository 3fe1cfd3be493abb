using Commentary.Core.Comments;
using Commentary.Core.Moderation;
using Commentary.Core.Telemetry;

namespace Commentary.Server.Queue;

/// <summary>The self-host's <c>ModerateComment</c> trigger on <c>comment-submissions</c>.</summary>
public sealed class ModerateCommentWorker(QueueTriggerSetup setup, CommentModerator moderator, CommentaryMetrics metrics)
    : QueueTriggerWorker(setup)
{
    protected override string QueueName => StorageNames.SubmissionsQueue;

    protected override Task HandleMessageAsync(string text, CancellationToken cancellationToken) => moderator.HandleAsync(text, cancellationToken);

    protected override string CommentIdOf(string text)
    {
        try
        {
            return SubmissionMessage.Parse(text).Id;
        }
        catch (MalformedMessageException e)
        {
            return e.CommentId ?? "(unreadable)";
        }
    }

    protected override void OnPoisoned() => metrics.Poisoned("max-dequeue-count");
}
