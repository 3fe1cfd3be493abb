using Commentary.Core.Comments;
using Microsoft.Extensions.Logging;

namespace Commentary.Core.Moderation;

/// <summary>Approve, reject and delete, each recorded with who, when and why, and reflected in the indexes.</summary>
public sealed partial class ModerationActions(
    CommentStore comments,
    ModerationIndex moderationIndex,
    CommenterHistory commenters,
    CommentPageCache pages,
    TimeProvider clock,
    ILogger<ModerationActions> logger)
{
    public Task<StoreOutcome> ApproveAsync(string slug, string id, string moderator, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, new StatusChange(CommentStatus.Approved, moderator, clock.GetUtcNow(), null, ifMatch), cancellationToken);

    public Task<StoreOutcome> RejectAsync(string slug, string id, string moderator, string? reason, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, new StatusChange(CommentStatus.Rejected, moderator, clock.GetUtcNow(), reason, ifMatch), cancellationToken);

    public async Task<StoreOutcome> DeleteAsync(string slug, string id, string moderator, string? ifMatch, CancellationToken cancellationToken)
    {
        var outcome = await comments.DeleteAsync(slug, id, ifMatch, cancellationToken);
        if (outcome is { Kind: StoreOutcomeKind.Changed, Comment: { } deleted })
        {
            pages.Invalidate(slug);
            await Task.WhenAll(moderationIndex.RemoveAsync(id, cancellationToken), commenters.RemoveAsync(deleted, cancellationToken));
            LogDeleted(logger, id, slug, moderator);
        }

        return outcome;
    }

    private async Task<StoreOutcome> ChangeAsync(string slug, string id, StatusChange change, CancellationToken cancellationToken)
    {
        var outcome = await comments.ChangeStatusAsync(slug, id, change, cancellationToken);
        if (outcome.Kind == StoreOutcomeKind.Changed)
        {
            // Readers of this instance see the decision at once, not after the cache's freshness window.
            pages.Invalidate(slug);
        }

        if (outcome is { Kind: StoreOutcomeKind.Changed or StoreOutcomeKind.Unchanged, Comment: { } comment })
        {
            await Task.WhenAll(moderationIndex.PutAsync(comment, cancellationToken), commenters.PutAsync(comment, cancellationToken));
        }

        if (outcome.Kind == StoreOutcomeKind.Changed)
        {
            LogChanged(logger, id, slug, change.Status.ToWire(), change.Moderator, change.Note ?? string.Empty);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} {Status} by {Moderator} {Note}")]
    private static partial void LogChanged(ILogger logger, string commentId, string slug, string status, string moderator, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} deleted by {Moderator}")]
    private static partial void LogDeleted(ILogger logger, string commentId, string slug, string moderator);
}
