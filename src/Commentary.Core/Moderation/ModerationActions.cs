using Commentary.Core.Moderation.Akismet;
using Commentary.Core.Notifications;

namespace Commentary.Core.Moderation;

/// <summary>
/// Approve, reject, mark as spam, hold again and delete, each recorded with who, when and why (in the comment and in
/// its history) and reflected in the indexes.
/// </summary>
public sealed partial class ModerationActions(
    CommentWriter writer,
    CommentEvents events,
    ReaderReports reports,
    HelpfulMarks helpfulMarks,
    AkismetFeedback akismet,
    NotificationOutbox notifications,
    TimeProvider clock,
    ILogger<ModerationActions> logger)
{
    /// <summary>Who re-holds a comment that readers reported.</summary>
    public const string ReadersName = "readers";

    public Task<StoreOutcome> ApproveAsync(string slug, string id, string moderator, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, new StatusChange(CommentStatus.Approved, moderator, clock.GetUtcNow(), null, ifMatch), CommentEventKinds.Approved, null, cancellationToken);

    public Task<StoreOutcome> RejectAsync(string slug, string id, string moderator, string? reason, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, new StatusChange(CommentStatus.Rejected, moderator, clock.GetUtcNow(), reason, ifMatch), CommentEventKinds.Rejected, reason, cancellationToken);

    /// <summary>Rejects the comment with the note "spam" (and the moderator's reason, if any).</summary>
    public Task<StoreOutcome> RejectAsSpamAsync(string slug, string id, string moderator, string? reason, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, new StatusChange(CommentStatus.Rejected, moderator, clock.GetUtcNow(), SpamNote(reason), ifMatch), CommentEventKinds.Spam, reason, cancellationToken);

    /// <summary>Sends a published comment back to the moderation queue, adding why to its reasons; anything else is left alone.</summary>
    public Task<StoreOutcome> HoldAgainAsync(string slug, string id, ModerationReason why, CancellationToken cancellationToken)
    {
        var change = new StatusChange(CommentStatus.Pending, ReadersName, clock.GetUtcNow(), null, null) { OnlyFrom = CommentStatus.Approved, AddReason = why };
        return ChangeAsync(slug, id, change, CommentEventKinds.Reheld, why.Detail, cancellationToken);
    }

    public async Task<StoreOutcome> DeleteAsync(string slug, string id, string moderator, string? ifMatch, CancellationToken cancellationToken)
    {
        var outcome = await writer.DeleteAsync(slug, id, ifMatch, cancellationToken);
        if (outcome.Kind == StoreOutcomeKind.Changed)
        {
            // The comment is gone for good, so is everything kept about it: its history, readers' reports and marks.
            await Task.WhenAll(
                events.RemoveAllAsync(slug, id, cancellationToken),
                reports.RemoveAllAsync(slug, id, cancellationToken),
                helpfulMarks.RemoveAllAsync(slug, id, cancellationToken));
            LogDeleted(logger, id, slug, moderator);
        }

        return outcome;
    }

    public static string SpamNote(string? reason) => string.IsNullOrWhiteSpace(reason) ? "spam" : "spam: " + reason.Trim();

    private async Task<StoreOutcome> ChangeAsync(string slug, string id, StatusChange change, string eventKind, string? why, CancellationToken cancellationToken)
    {
        var outcome = await writer.ChangeStatusAsync(slug, id, change, cancellationToken);
        if (outcome.Kind == StoreOutcomeKind.Changed)
        {
            // The history, Akismet's lesson and the notifications (one queue send) at once: the moderator waits for the slowest only.
            await Task.WhenAll(
                events.AppendAsync(slug, id, new CommentEvent(change.At, eventKind, change.Moderator, why), cancellationToken),
                akismet.NoteAsync(outcome.Comment!, eventKind, cancellationToken),
                notifications.TryEnqueueAsync(NotificationEvents.ForChange(outcome.Comment!), cancellationToken));
            LogChanged(logger, id, slug, change.Status.ToWire(), change.Moderator, change.Note ?? string.Empty);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} {Status} by {Moderator} {Note}")]
    private static partial void LogChanged(ILogger logger, string commentId, string slug, string status, string moderator, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} deleted by {Moderator}")]
    private static partial void LogDeleted(ILogger logger, string commentId, string slug, string moderator);
}
