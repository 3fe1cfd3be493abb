namespace Commentary.Core.Moderation.Akismet;

/// <summary>
/// The body of the <c>AkismetWork</c> queue trigger, shared by both hosts. A recheck acts only on a comment that is
/// still held for <c>akismet-unavailable</c> and unchanged since it was read, so it never overrides a moderator.
/// While Akismet stays unreachable the work is queued again with a growing delay, up to
/// <see cref="AkismetOptions.MaxAttempts"/> calls; then the comment is left to the moderators, who see why.
/// </summary>
public sealed partial class AkismetWorkProcessor(
    StorageClients storage,
    CommentStore comments,
    CommentWriter writer,
    ModerationActions actions,
    CommentEvents events,
    AkismetClient akismet,
    AkismetWorkSender queue,
    IOptions<AkismetOptions> options,
    TimeProvider clock,
    ILogger<AkismetWorkProcessor> logger)
{
    /// <summary>The actor named in a comment's history when Akismet's late answer decides it.</summary>
    public const string ActorName = "akismet";

    private readonly AkismetOptions _options = options.Value;

    public async Task HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        var work = AkismetWork.Parse(messageText ?? string.Empty);
        if (work is null)
        {
            await storage.AkismetWorkPoison.SendMessageAsync(messageText ?? string.Empty, cancellationToken);
            LogUnreadable(logger);
            return;
        }

        var comment = await comments.FindAsync(work.Slug, work.Id, cancellationToken);
        if (comment is null || !_options.IsEnabled)
        {
            // Deleted (or never stored: its submission is redelivered and checked afresh), or the check was turned off.
            LogNothingToDo(logger, work.Id, work.Kind);
            return;
        }

        if (work.Kind == AkismetWork.Recheck)
        {
            await RecheckAsync(work, comment, cancellationToken);
        }
        else if (!await akismet.SendVerdictAsync(comment.Id, AkismetComment.From(comment, null), work.Kind == AkismetWork.Spam, cancellationToken))
        {
            await RetryAsync(work, cancellationToken);
        }
    }

    private async Task RecheckAsync(AkismetWork work, Comment comment, CancellationToken cancellationToken)
    {
        if (comment.Status != CommentStatus.Pending || !comment.Reasons.Any(r => r.Rule == AkismetReasons.UnavailableRule))
        {
            LogNothingToDo(logger, work.Id, work.Kind);
            return;
        }

        var verdict = await akismet.CheckAsync(comment.Id, AkismetComment.From(comment, work.Client), cancellationToken);
        if (verdict == AkismetVerdict.Unavailable)
        {
            await RetryAsync(work, cancellationToken);
            return;
        }

        var decision = AkismetScreening.Apply(
            new ModerationDecision(work.ApproveWhenHam ? CommentStatus.Approved : CommentStatus.Pending, comment.Score, WithoutUnavailable(comment))
            {
                Priority = comment.Priority,
            },
            verdict);
        var outcome = decision.Status switch
        {
            CommentStatus.Approved => await actions.ApproveAsync(comment.Slug, comment.Id, ActorName, comment.ETag, cancellationToken),
            CommentStatus.Rejected => await actions.RejectAsync(comment.Slug, comment.Id, ActorName, AkismetReasons.Discard.Detail, comment.ETag, cancellationToken),
            _ => await ReviseReasonsAsync(comment, decision.Reasons, cancellationToken),
        };
        LogRechecked(logger, comment.Id, comment.Slug, verdict.ToString(), outcome.Kind.ToString());
    }

    private async Task<StoreOutcome> ReviseReasonsAsync(Comment comment, IReadOnlyList<ModerationReason> reasons, CancellationToken cancellationToken)
    {
        var outcome = await writer.ReviseHeldReasonsAsync(comment, reasons, cancellationToken);
        if (outcome is { Kind: StoreOutcomeKind.Changed, Comment: { } revised })
        {
            var summary = CommentModerator.DecisionSummary(revised);
            await events.AppendAsync(revised.Slug, revised.Id, new CommentEvent(clock.GetUtcNow(), CommentEventKinds.Decided, ActorName, summary), cancellationToken);
        }

        return outcome;
    }

    private static List<ModerationReason> WithoutUnavailable(Comment comment) =>
        [.. comment.Reasons.Where(r => r.Rule != AkismetReasons.UnavailableRule)];

    private async Task RetryAsync(AkismetWork work, CancellationToken cancellationToken)
    {
        // The call that just failed is one more made.
        var made = work.Attempt + 1;
        if (made >= _options.MaxAttempts)
        {
            if (work.Kind == AkismetWork.Recheck)
            {
                LogGaveUpOnRecheck(logger, work.Id, work.Slug, made);
            }
            else
            {
                LogGaveUpOnFeedback(logger, work.Id, work.Kind, made);
            }

            return;
        }

        await queue.SendAsync(work with { Attempt = made }, _options.RetryDelay(made), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An unreadable message on the Akismet queue was moved to its poison queue")]
    private static partial void LogUnreadable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Akismet {Kind} for comment {CommentId} is no longer needed")]
    private static partial void LogNothingToDo(ILogger logger, string commentId, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Akismet answered {Verdict} for held comment {CommentId} on {Slug}: {Outcome}")]
    private static partial void LogRechecked(ILogger logger, string commentId, string slug, string verdict, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Akismet could not be reached about comment {CommentId} on {Slug} in {Attempts} attempts; it stays held for a moderator (reason akismet-unavailable)")]
    private static partial void LogGaveUpOnRecheck(ILogger logger, string commentId, string slug, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Akismet feedback ({Kind}) for comment {CommentId} was dropped after {Attempts} attempts")]
    private static partial void LogGaveUpOnFeedback(ILogger logger, string commentId, string kind, int attempts);
}
