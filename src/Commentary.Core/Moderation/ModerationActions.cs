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

    /// <summary>
    /// The deciders that are not people. A moderator who approves what they published, or rejects what they rejected,
    /// makes the decision theirs: it is recorded with the moderator's name and reason (and so teaches the daily
    /// retrain), though the status stays and nobody is notified again.
    /// </summary>
    public static IReadOnlyCollection<string> AutomaticDeciders { get; } = [CommentModerator.PolicyActor, AkismetWorkProcessor.ActorName];

    public Task<StoreOutcome> ApproveAsync(string slug, string id, string moderator, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, Decision(CommentStatus.Approved, moderator, null, ifMatch), CommentEventKinds.Approved, null, cancellationToken);

    public Task<StoreOutcome> RejectAsync(string slug, string id, string moderator, string? reason, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, Decision(CommentStatus.Rejected, moderator, reason, ifMatch), CommentEventKinds.Rejected, reason, cancellationToken);

    /// <summary>Rejects the comment with the note "spam" (and the moderator's reason, if any).</summary>
    public Task<StoreOutcome> RejectAsSpamAsync(string slug, string id, string moderator, string? reason, string? ifMatch, CancellationToken cancellationToken) =>
        ChangeAsync(slug, id, Decision(CommentStatus.Rejected, moderator, SpamNote(reason), ifMatch), CommentEventKinds.Spam, reason, cancellationToken);

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

    private StatusChange Decision(CommentStatus status, string moderator, string? note, string? ifMatch) =>
        new(status, moderator, clock.GetUtcNow(), note, ifMatch) { TakesOverFrom = AutomaticDeciders };

    private async Task<StoreOutcome> ChangeAsync(string slug, string id, StatusChange change, string eventKind, string? why, CancellationToken cancellationToken)
    {
        var outcome = await writer.ChangeStatusAsync(slug, id, change, cancellationToken);
        if (outcome is { Kind: StoreOutcomeKind.Changed, Comment: { } changed })
        {
            // The history, Akismet's lesson and the notifications (one queue send) at once: the moderator waits for the
            // slowest only. A decision taken over keeps its status: readers and commenters have nothing new to hear.
            await Task.WhenAll(
                events.AppendAsync(slug, id, new CommentEvent(change.At, eventKind, change.Moderator, why), cancellationToken),
                akismet.NoteAsync(changed, eventKind, cancellationToken),
                outcome.PreviousStatus == changed.Status ? Task.CompletedTask : notifications.TryEnqueueAsync(NotificationEvents.ForChange(changed), cancellationToken));
            LogChanged(logger, id, slug, change.Status.ToWire(), change.Moderator, change.Note ?? string.Empty);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} {Status} by {Moderator} {Note}")]
    private static partial void LogChanged(ILogger logger, string commentId, string slug, string status, string moderator, string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} deleted by {Moderator}")]
    private static partial void LogDeleted(ILogger logger, string commentId, string slug, string moderator);
}
