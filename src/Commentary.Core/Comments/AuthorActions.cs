namespace Commentary.Core.Comments;

public enum AuthorActionKind
{
    /// <summary>The edit is queued for moderation (or changed nothing, being the text stored already).</summary>
    EditQueued,

    /// <summary>The comment is gone from the public list, or stands there only as the placeholder its replies answer.</summary>
    Deleted,

    /// <summary>No such comment (never stored, or deleted already).</summary>
    NotFound,

    /// <summary>The token is missing or not this comment's.</summary>
    WrongToken,

    /// <summary>The token is right, but the edit window has closed.</summary>
    WindowClosed,
}

/// <summary>
/// A writer's own changes to their comment, proved by the edit token of its receipt and only within
/// <see cref="EditOptions.EditWindow"/> of posting. An edit is queued and moderated again as a whole, like a new
/// comment; a deletion takes the comment out at once. A refused request stores nothing.
/// </summary>
public sealed partial class AuthorActions(
    CommentStore comments,
    CommentWriter writer,
    CommentInbox inbox,
    CommentEvents events,
    EditWindow window,
    TimeProvider clock,
    ILogger<AuthorActions> logger)
{
    /// <summary>The history kind of a writer's deletion that left a placeholder.</summary>
    public const string DeletedEvent = CommentEventKinds.AuthorDeleted;

    // A moderator or a second request may write between our read and our write; each attempt reads afresh.
    private const int MaxAttempts = 5;

    /// <summary>Queues the writer's new text (<paramref name="body"/>, already validated) for moderation.</summary>
    public async Task<AuthorActionKind> EditAsync(string slug, string id, string? token, string body, string? ipHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var comment = await comments.FindAsync(slug, id, cancellationToken);
        if (comment is null || comment.DeletedByAuthor)
        {
            return AuthorActionKind.NotFound;
        }

        if (window.Refusal(comment, token) is { } refused)
        {
            return refused;
        }

        // The same text again (a retried request whose edit is stored already) queues nothing: an edit counts once.
        if (comment.Body == body)
        {
            return AuthorActionKind.EditQueued;
        }

        await inbox.EnqueueAsync(
            new SubmissionMessage(
                SubmissionMessage.CurrentVersion, comment.Id, slug, comment.Author, comment.Email, comment.Website, body, comment.ParentId,
                ipHash ?? comment.IpHash, clock.GetUtcNow())
            {
                Edit = true,
            },
            cancellationToken);
        LogEditQueued(logger, id, slug);
        return AuthorActionKind.EditQueued;
    }

    /// <summary>
    /// Deletes the writer's comment. One that has replies (published or awaiting a decision) stays as a placeholder,
    /// without its text or website, so the replies keep their place; one without disappears, leaving a tombstone.
    /// Deleting a placeholder again is answered as done.
    /// </summary>
    public async Task<AuthorActionKind> DeleteAsync(string slug, string id, string? token, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var comment = await comments.FindAsync(slug, id, cancellationToken);
            if (comment is null)
            {
                return AuthorActionKind.NotFound;
            }

            if (comment.DeletedByAuthor)
            {
                return EditTokens.Matches(token, comment.EditTokenHash) ? AuthorActionKind.Deleted : AuthorActionKind.WrongToken;
            }

            if (window.Refusal(comment, token) is { } refused)
            {
                return refused;
            }

            var now = clock.GetUtcNow();
            if (await comments.HasRepliesAsync(slug, id, cancellationToken))
            {
                // Published whatever the comment's status was: it holds nothing left to moderate, and its replies,
                // published under it, must keep their place.
                var placeholder = comment with { Body = string.Empty, Website = null, DeletedByAuthor = true, EditedAt = now, Status = CommentStatus.Approved };
                var outcome = await writer.ReviseAsync(comment, placeholder, cancellationToken);
                if (outcome.Kind == StoreOutcomeKind.Changed)
                {
                    await events.AppendAsync(slug, id, new CommentEvent(now, DeletedEvent, comment.Author, null), "author-deleted", cancellationToken);
                    LogDeleted(logger, id, slug, true);
                    return AuthorActionKind.Deleted;
                }
            }
            else
            {
                var outcome = await writer.DeleteAsync(slug, id, comment.ETag, cancellationToken);
                if (outcome.Kind is StoreOutcomeKind.Changed or StoreOutcomeKind.NotFound)
                {
                    // The comment is gone, and a history no one can open any more would only keep its text.
                    await events.RemoveAllAsync(slug, id, cancellationToken);
                    LogDeleted(logger, id, slug, false);
                    return AuthorActionKind.Deleted;
                }
            }
        }

        throw new Azure.RequestFailedException(503, $"Comment {id} kept changing while its writer deleted it; try again.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug}: its writer's edit is queued for moderation")]
    private static partial void LogEditQueued(ILogger logger, string commentId, string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} was deleted by its writer (placeholder kept for replies: {Placeholder})")]
    private static partial void LogDeleted(ILogger logger, string commentId, string slug, bool placeholder);
}
