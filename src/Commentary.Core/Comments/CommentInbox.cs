using Commentary.Core.Storage;

namespace Commentary.Core.Comments;

/// <summary>The producer side of the submissions queue: one message per accepted comment.</summary>
public sealed class CommentInbox(StorageClients storage)
{
    public async Task EnqueueAsync(SubmissionMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await storage.Submissions.SendMessageAsync(message.ToJson(), cancellationToken);
    }
}
