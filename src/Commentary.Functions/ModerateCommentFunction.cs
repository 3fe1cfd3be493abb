using Commentary.Core.Moderation;

namespace Commentary.Functions;

/// <summary>
/// The queue trigger. Failures are rethrown so the Functions host retries the message and moves it to
/// <c>comment-submissions-poison</c> after <c>maxDequeueCount</c> deliveries (host.json).
/// </summary>
public sealed class ModerateCommentFunction(CommentModerator moderator)
{
    [Function(FunctionNames.ModerateComment)]
    public Task Run(
        [QueueTrigger(StorageNames.SubmissionsQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        moderator.HandleAsync(message, cancellationToken);
}
