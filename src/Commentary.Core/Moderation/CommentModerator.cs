using Commentary.Core.Moderation.Akismet;
using Commentary.Core.Moderation.Classifier;
using Commentary.Core.Notifications;
using Commentary.Core.Telemetry;

namespace Commentary.Core.Moderation;

/// <summary>
/// The body of the <c>ModerateComment</c> queue trigger, shared by both hosts: read the message, load the commenter's
/// history, ask the policy, store the comment once. A redelivered message finds its comment stored and only re-asserts
/// the indexes; a message that can never be processed goes to the poison queue at once.
/// </summary>
public sealed partial class CommentModerator(
    StorageClients storage,
    CommentStore comments,
    CommentWriter writer,
    CommenterHistory commenters,
    PolicyProvider policies,
    ModelProvider models,
    RecentSignals recentSignals,
    BanList bans,
    SpamFingerprints spamFingerprints,
    CommentEvents events,
    CommentaryMetrics metrics,
    AkismetScreening akismet,
    NotificationOutbox notifications,
    CommenterSubscriptions subscriptions,
    TimeProvider clock,
    ILogger<CommentModerator> logger)
{
    /// <summary>Who took a decision the policy took alone, in the comment and its history.</summary>
    public const string PolicyActor = "policy";

    public async Task HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        SubmissionMessage message;
        try
        {
            message = SubmissionMessage.Parse(messageText ?? string.Empty);
        }
        catch (MalformedMessageException e)
        {
            await storage.SubmissionsPoison.SendMessageAsync(messageText ?? string.Empty, cancellationToken);
            LogPoisoned(logger, e.CommentId ?? "(unknown)", e.Message);
            metrics.Poisoned("malformed");
            return;
        }

        if (message.NotifyPublished || message.NotifyReplies)
        {
            // Recorded before the comment is stored, and again on a redelivery, so its first notification finds it.
            await subscriptions.RecordAsync(
                message.Email, message.Slug, message.Id, new SubscriptionChoice(message.NotifyPublished, message.NotifyReplies), message.Submitted, cancellationToken);
        }

        if (message.Edit)
        {
            await HandleEditAsync(message, cancellationToken);
            return;
        }

        var existing = await comments.FindAsync(message.Slug, message.Id, cancellationToken);
        if (existing is not null)
        {
            await writer.ReassertAsync(existing, CommentOrigin.Submission, cancellationToken);
            await MendHistoryAsync(message, existing, cancellationToken);
            if (existing.ModeratedBy is null or PolicyActor)
            {
                // The first delivery may have died before its notifications were queued. Queued again under the same
                // event ids, they are sent to no one twice; once a moderator has acted, the decision is old news.
                await notifications.EnqueueAsync(NotificationEvents.ForDecision(existing), cancellationToken);
            }

            LogRedelivered(logger, message.Id, message.Slug);
            return;
        }

        var decision = await DecideAsync(message, cancellationToken);

        // Taken before the comment is stored, so the "decided" event sorts before anything a moderator does once it
        // is visible, however late this worker gets to write the history.
        var decidedAt = clock.GetUtcNow();
        var comment = new Comment
        {
            Slug = message.Slug,
            Id = message.Id,
            ParentId = message.ParentId,
            Author = message.Author.Trim(),
            Email = message.Email.Trim(),
            Website = string.IsNullOrWhiteSpace(message.Website) ? null : message.Website.Trim(),
            Body = message.Body.Trim(),
            Created = message.Submitted,
            Status = decision.Status,
            Score = decision.Score,
            Priority = decision.Priority,
            Reasons = decision.Reasons,
            IpHash = message.IpHash,
            ModeratedBy = decision.Status == CommentStatus.Pending ? null : PolicyActor,
            ModeratedAt = decision.Status == CommentStatus.Pending ? null : decidedAt,
            EditTokenHash = message.EditTokenHash,
        };

        var (stored, inserted) = await writer.InsertAsync(comment, CommentOrigin.Submission, cancellationToken);
        if (inserted)
        {
            // One queue send, beside the history write: moderators hear of a crisis comment without the worker waiting longer.
            await Task.WhenAll(
                RecordHistoryAsync(message, stored, decidedAt, cancellationToken),
                notifications.EnqueueAsync(NotificationEvents.ForDecision(stored), cancellationToken));
            metrics.Decided(stored, clock.GetUtcNow());
            LogDecided(logger, stored.Id, stored.Slug, stored.Status.ToWire(), stored.Score, string.Join("; ", stored.Reasons.Select(r => r.Rule)));
        }
    }

    /// <summary>
    /// A writer's edit: the new text is decided on as a whole, as a new comment would be, and replaces the old one
    /// under the same id (so it keeps its place in the thread). The history gets the old text first, then the new
    /// decision, both keyed by the edit's time: a second copy of the message finds the text stored and only rewrites
    /// the same two events, and another request with the same text (a retried edit) finds it stored and does nothing.
    /// </summary>
    private async Task HandleEditAsync(SubmissionMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.Trim();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var existing = await comments.FindAsync(message.Slug, message.Id, cancellationToken);
            if (existing is null || existing.DeletedByAuthor)
            {
                LogEditOfGone(logger, message.Id, message.Slug);
                return;
            }

            if (existing.Body == body)
            {
                LogRedelivered(logger, message.Id, message.Slug);
                return;
            }

            var decision = await DecideAsync(message, cancellationToken);
            var edited = existing with
            {
                Body = body,
                Status = decision.Status,
                Score = decision.Score,
                Priority = decision.Priority,
                Reasons = decision.Reasons,
                ModeratedBy = decision.Status == CommentStatus.Pending ? null : PolicyActor,
                ModeratedAt = decision.Status == CommentStatus.Pending ? null : message.Submitted,
                StatusNote = null,
                EditedAt = message.Submitted,
            };

            // The old text is recorded before it is replaced, so no crash can lose it.
            await events.AppendAllAsync(existing.Slug, existing.Id,
            [
                (new CommentEvent(message.Submitted, CommentEventKinds.Edited, existing.Author, existing.Body), "edit-1"),
                (new CommentEvent(message.Submitted, CommentEventKinds.Decided, PolicyActor, DecisionSummary(edited)), "edit-2"),
            ], cancellationToken);
            var outcome = await writer.ReviseAsync(existing, edited, cancellationToken);
            if (outcome is { Kind: StoreOutcomeKind.Changed, Comment: { } stored })
            {
                await notifications.EnqueueAsync(NotificationEvents.ForDecision(stored), cancellationToken);
                metrics.Decided(stored, clock.GetUtcNow());
                LogEdited(logger, stored.Id, stored.Slug, stored.Status.ToWire(), stored.Score, string.Join("; ", stored.Reasons.Select(r => r.Rule)));
                return;
            }

            // Someone wrote first: perhaps a second copy of this very edit (a retried request, handled beside this
            // one), which has recorded it already. These events describe nothing yet; the next round decides again.
            await events.RemoveAsync(existing.Slug, existing.Id, [(message.Submitted, "edit-1"), (message.Submitted, "edit-2")], cancellationToken);
        }

        throw new Azure.RequestFailedException(503, $"Comment {message.Id} kept changing while its edit was stored; the message is retried.");
    }

    private async Task<ModerationDecision> DecideAsync(SubmissionMessage message, CancellationToken cancellationToken)
    {
        // Everything the policy needs is read at once; the lookups are independent of each other.
        var policy = await policies.CurrentAsync(cancellationToken);
        var fingerprint = BodyFingerprint.Of(message.Body);
        var history = commenters.ForEmailAsync(message.Email, cancellationToken);
        var recent = recentSignals.ForAsync(message.Id, message.Email, message.IpHash, fingerprint, message.Submitted, policy.FloodWindow, policy.FloodCountsNeeded, cancellationToken);
        var banReason = bans.FindAsync(CommenterIdentity.EmailHash(message.Email), message.IpHash, cancellationToken);
        var knownSpam = spamFingerprints.ContainsAsync(fingerprint, cancellationToken);
        var model = models.CurrentAsync(cancellationToken);
        await Task.WhenAll(history, recent, banReason, knownSpam, model);

        // A body moderators marked as spam counts as a duplicate, which the policy rejects.
        var counted = await recent;
        var signals = counted with { BanReason = await banReason, DuplicateBody = counted.DuplicateBody || await knownSpam };
        var decision = policy.Decide(new ModerationInput(message.Author, message.Email, message.Website, message.Body, await history)
        {
            Signals = signals,
            Classifier = Classify((await model).Model, message),
        });
        return await akismet.ScreenAsync(message, decision, cancellationToken);
    }

    /// <summary>The classifier's scores; if scoring throws, the policy is told so and holds the comment for a person.</summary>
    private ClassifierVerdict Classify(ModerationModel model, SubmissionMessage message)
    {
        try
        {
            return new ClassifierVerdict(model.Score(message.Body), model.Version);
        }
#pragma warning disable CA1031 // Whatever goes wrong inside the model, the comment must still be stored (and held).
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogClassifierFailed(logger, e, message.Id, model.Version);
            return ClassifierVerdict.Unavailable("model " + model.Version + " failed");
        }
    }

    /// <summary>
    /// A crash between storing the comment and writing its first events leaves a comment without them; the
    /// redelivered message writes them, as long as no one has acted on the comment since (then the decision the
    /// events would describe is no longer the one stored).
    /// </summary>
    private async Task MendHistoryAsync(SubmissionMessage message, Comment existing, CancellationToken cancellationToken)
    {
        var untouched = existing.ModeratedBy is null or PolicyActor;
        if (untouched && !(await events.ListAsync(existing.Slug, existing.Id, cancellationToken)).Any(e => e.Kind == CommentEventKinds.Decided))
        {
            await RecordHistoryAsync(message, existing, existing.ModeratedAt ?? clock.GetUtcNow(), cancellationToken);
        }
    }

    private async Task RecordHistoryAsync(SubmissionMessage message, Comment stored, DateTimeOffset decidedAt, CancellationToken cancellationToken)
    {
        await events.AppendAllAsync(stored.Slug, stored.Id,
        [
            (new CommentEvent(message.Submitted, CommentEventKinds.Submitted, stored.Author, null), "submitted"),
            (new CommentEvent(decidedAt, CommentEventKinds.Decided, PolicyActor, DecisionSummary(stored)), "decided"),
        ], cancellationToken);
    }

    /// <summary>"pending: first-comment (…)"; the status and each reason, as the moderator saw them at the time.</summary>
    public static string DecisionSummary(Comment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var status = comment.Status.ToWire();
        return comment.Reasons.Count == 0 ? status : status + ": " + string.Join("; ", comment.Reasons.Select(r => $"{r.Rule} ({r.Detail})"));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Submission {CommentId} moved to the poison queue: {Problem}")]
    private static partial void LogPoisoned(ILogger logger, string commentId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "The classifier (model {Version}) could not score comment {CommentId}; it is held for a moderator")]
    private static partial void LogClassifierFailed(ILogger logger, Exception exception, string commentId, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Submission {CommentId} on {Slug} was delivered again; it is stored already")]
    private static partial void LogRedelivered(ILogger logger, string commentId, string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} was edited by its writer and is {Status} (score {Score}, rules: {Rules})")]
    private static partial void LogEdited(ILogger logger, string commentId, string slug, string status, double score, string rules);

    [LoggerMessage(Level = LogLevel.Information, Message = "An edit of comment {CommentId} on {Slug} arrived after its writer deleted it; nothing to do")]
    private static partial void LogEditOfGone(ILogger logger, string commentId, string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} is {Status} (score {Score}, rules: {Rules})")]
    private static partial void LogDecided(ILogger logger, string commentId, string slug, string status, double score, string rules);
}
