namespace Commentary.Core.Notifications;

/// <summary>What came of looking at, or following, a moderation link.</summary>
public enum LinkOutcomeKind
{
    /// <summary>The link is good and the comment is as it was: the page may ask for confirmation.</summary>
    Ready,

    /// <summary>The action was taken now.</summary>
    Done,

    /// <summary>The token was not made by us as it is.</summary>
    Invalid,

    /// <summary>The link's week is over.</summary>
    Expired,

    /// <summary>The link was used before.</summary>
    Used,

    /// <summary>The comment changed since the link was made (another moderator, a re-check): the link no longer fits it.</summary>
    Stale,

    /// <summary>The comment is no longer stored.</summary>
    Gone,
}

/// <summary>The outcome, with the link (once its signature checked out), the comment (once read) and an earlier use.</summary>
public sealed record LinkOutcome(LinkOutcomeKind Kind, ModerationLink? Link = null, Comment? Comment = null, LinkUse? Use = null);

/// <summary>
/// A moderator's decision through a signed link in a notification. Looking (<see cref="InspectAsync"/>) changes
/// nothing, since mail scanners and link previews follow links; following (<see cref="FollowAsync"/>) claims the link
/// (one row per link: of two clicks one wins) and then approves or rejects through <see cref="ModerationActions"/>
/// with the link's ETag as <c>If-Match</c>, so it acts only on the version the moderator was shown. A claim whose
/// action changed nothing (the comment changed or went meanwhile, or storage failed) is given back.
/// </summary>
public sealed partial class ModerationByLink(
    ModerationLinks links, UsedModerationLinks used, CommentStore comments, ModerationActions actions, TimeProvider clock, ILogger<ModerationByLink> logger)
{
    /// <summary>
    /// Who the comment's history names for a decision through a link: the moderator it was sent to, and how it
    /// reached them (an address means email, anything else a webhook endpoint).
    /// </summary>
    public static string Actor(string moderator)
    {
        ArgumentNullException.ThrowIfNull(moderator);
        return moderator.Contains('@', StringComparison.Ordinal) ? $"{moderator} (email link)" : $"{moderator} (webhook link)";
    }

    public async Task<LinkOutcome> InspectAsync(string? token, CancellationToken cancellationToken)
    {
        var (reading, link) = links.Read(token);
        switch (reading)
        {
            case LinkReading.Invalid:
                LogInvalid(logger);
                return new LinkOutcome(LinkOutcomeKind.Invalid);
            case LinkReading.Expired:
                LogRefused(logger, link!.CommentId, link.Slug, link.Moderator, LinkOutcomeKind.Expired);
                return new LinkOutcome(LinkOutcomeKind.Expired, link);
        }

        var use = await used.FindAsync(link!, cancellationToken);
        if (use is not null)
        {
            LogRefused(logger, link!.CommentId, link.Slug, link.Moderator, LinkOutcomeKind.Used);
            return new LinkOutcome(LinkOutcomeKind.Used, link, Use: use);
        }

        var comment = await comments.FindAsync(link!.Slug, link.CommentId, cancellationToken);
        return comment switch
        {
            null => Refused(LinkOutcomeKind.Gone, link),
            _ when comment.ETag != link.ETag => Refused(LinkOutcomeKind.Stale, link, comment),
            _ => new LinkOutcome(LinkOutcomeKind.Ready, link, comment),
        };
    }

    /// <summary>Takes the link's action; <paramref name="reason"/> is the note kept with a rejection.</summary>
    public async Task<LinkOutcome> FollowAsync(string? token, string? reason, CancellationToken cancellationToken)
    {
        var looked = await InspectAsync(token, cancellationToken);
        if (looked.Kind != LinkOutcomeKind.Ready)
        {
            return looked;
        }

        var link = looked.Link!;
        if (!await used.ClaimAsync(link, clock.GetUtcNow(), cancellationToken))
        {
            LogRefused(logger, link.CommentId, link.Slug, link.Moderator, LinkOutcomeKind.Used);
            return new LinkOutcome(LinkOutcomeKind.Used, link, looked.Comment, await used.FindAsync(link, cancellationToken));
        }

        StoreOutcome outcome;
        try
        {
            outcome = await ActAsync(link, reason, cancellationToken);
        }
        catch
        {
            // Nothing may have changed; the moderator can try the link again once storage answers.
            await used.ReleaseAsync(link, CancellationToken.None);
            throw;
        }

        if (outcome.Kind is StoreOutcomeKind.Changed or StoreOutcomeKind.Unchanged)
        {
            return new LinkOutcome(LinkOutcomeKind.Done, link, outcome.Comment);
        }

        await used.ReleaseAsync(link, cancellationToken);
        return outcome.Kind == StoreOutcomeKind.NotFound ? Refused(LinkOutcomeKind.Gone, link) : Refused(LinkOutcomeKind.Stale, link, outcome.Comment);
    }

    private Task<StoreOutcome> ActAsync(ModerationLink link, string? reason, CancellationToken cancellationToken) => link.Action switch
    {
        ModerationLinkAction.Approve => actions.ApproveAsync(link.Slug, link.CommentId, Actor(link.Moderator), link.ETag, cancellationToken),
        _ => actions.RejectAsync(link.Slug, link.CommentId, Actor(link.Moderator), reason, link.ETag, cancellationToken),
    };

    private LinkOutcome Refused(LinkOutcomeKind kind, ModerationLink link, Comment? comment = null)
    {
        LogRefused(logger, link.CommentId, link.Slug, link.Moderator, kind);
        return new LinkOutcome(kind, link, comment);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A moderation link whose signature does not match was refused")]
    private static partial void LogInvalid(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moderation link for comment {CommentId} on {Slug} (sent to {Moderator}) refused: {Outcome}")]
    private static partial void LogRefused(ILogger logger, string commentId, string slug, string moderator, LinkOutcomeKind outcome);
}
