using Commentary.Core.Notifications;

namespace Commentary.Core.Moderation;

/// <summary>The badge a reply from the dashboard carries in the public list.</summary>
public static class CommentBadges
{
    /// <summary>Written in the name of the article's author (its front matter <c>author</c>).</summary>
    public const string Author = "author";

    /// <summary>Written by a moderator in their own name.</summary>
    public const string Moderator = "moderator";
}

/// <summary>What a moderator's reply came to; <see cref="Reply"/> is set when it was published.</summary>
public sealed record ModeratorReplyOutcome(ModeratorReplyOutcomeKind Kind, Comment? Reply);

public enum ModeratorReplyOutcomeKind
{
    /// <summary>The comment replied to, or its article, does not exist.</summary>
    NotFound,

    /// <summary>The comment replied to is not published: a public reply to it would hang in the air.</summary>
    ParentNotPublished,

    /// <summary>The reply is to be in the author's name, but the article's front matter names none.</summary>
    NoArticleAuthor,

    Published,
}

/// <summary>
/// A moderator replies to a published comment from the dashboard, in their own name or in the article author's. The
/// reply is published at once with its badge, but the policy still reads it: its reasons are kept with the reply and
/// its decision is recorded in the history beside the moderator's, so a reply the policy would have held is visible
/// as such to the other moderators. The commenter who asked to hear of replies is told, as for any reply.
/// </summary>
public sealed partial class ModeratorReplies(
    ArticleStore articles,
    CommentStore comments,
    CommentWriter writer,
    PolicyProvider policies,
    CommentEvents events,
    NotificationOutbox notifications,
    TimeProvider clock,
    ILogger<ModeratorReplies> logger)
{
    public async Task<ModeratorReplyOutcome> ReplyAsync(
        string slug, string parentId, string body, bool asAuthor, string moderator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var article = articles.FindAsync(slug, cancellationToken);
        var parent = comments.FindAsync(slug, parentId, cancellationToken);
        await Task.WhenAll(article, parent);
        if (await article is not { } stored || await parent is not { } replyTo)
        {
            return new ModeratorReplyOutcome(ModeratorReplyOutcomeKind.NotFound, null);
        }

        if (replyTo.Status != CommentStatus.Approved)
        {
            return new ModeratorReplyOutcome(ModeratorReplyOutcomeKind.ParentNotPublished, null);
        }

        var author = asAuthor ? stored.Article.Author.Trim() : moderator;
        if (author.Length == 0)
        {
            return new ModeratorReplyOutcome(ModeratorReplyOutcomeKind.NoArticleAuthor, null);
        }

        var text = body.Trim();
        var policy = await policies.CurrentAsync(cancellationToken);
        var decision = policy.Decide(new ModerationInput(author, string.Empty, null, text, CommenterRecord.None));
        var now = clock.GetUtcNow();
        var reply = new Comment
        {
            Slug = slug,
            Id = CommentId.New(clock),
            ParentId = replyTo.Id,
            Author = author,
            // Staff replies have no address: nothing to notify, nothing to export, and nothing that could leak.
            Email = string.Empty,
            Body = text,
            Created = now,
            Status = CommentStatus.Approved,
            Score = decision.Score,
            Priority = decision.Priority,
            Reasons = decision.Reasons,
            ModeratedBy = moderator,
            ModeratedAt = now,
            Badge = asAuthor ? CommentBadges.Author : CommentBadges.Moderator,
        };

        var (saved, _) = await writer.InsertAsync(reply, CommentOrigin.ModeratorReply, cancellationToken);
        var policySaid = CommentModerator.DecisionSummary(reply with { Status = decision.Status });
        await Task.WhenAll(
            events.AppendAllAsync(slug, saved.Id,
            [
                (new CommentEvent(now, CommentEventKinds.Submitted, moderator, asAuthor ? $"as the author, {author}" : "as a moderator"), "submitted"),
                // A tick apart, so the history lists them in the order they happened.
                (new CommentEvent(now.AddTicks(1), CommentEventKinds.Decided, CommentModerator.PolicyActor, policySaid), "decided"),
                (new CommentEvent(now.AddTicks(2), CommentEventKinds.Approved, moderator, "published at once: a reply from the dashboard"), "approved"),
            ], cancellationToken),
            notifications.TryEnqueueAsync(NotificationEvents.ForDecision(saved), cancellationToken));
        LogReplied(logger, saved.Id, slug, replyTo.Id, moderator, saved.Badge!, decision.Status.ToWire());
        return new ModeratorReplyOutcome(ModeratorReplyOutcomeKind.Published, saved);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Comment {CommentId} on {Slug} is a reply to {ParentId} by {Moderator} ({Badge}), published; the policy alone would have said {PolicyStatus}")]
    private static partial void LogReplied(ILogger logger, string commentId, string slug, string parentId, string moderator, string badge, string policyStatus);
}
