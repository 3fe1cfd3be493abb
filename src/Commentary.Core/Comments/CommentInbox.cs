using Commentary.Core.Access;
using Commentary.Core.Moderation.Akismet;
using Commentary.Core.Privacy;
using Commentary.Core.Telemetry;

namespace Commentary.Core.Comments;

/// <summary>
/// Who posted, as far as the request tells: the client's address as the host resolved it (kept only as a hash),
/// whether that address is a real one, and the browser's <c>User-Agent</c> and <c>Referer</c> (empty when not sent).
/// </summary>
public sealed record SubmissionSender(string Address, bool AddressKnown, string UserAgent, string Referrer);

public enum SubmissionOutcomeKind
{
    /// <summary>The comment is queued (or was, by an earlier request with the same key); <see cref="SubmissionOutcome.CommentId"/> names it.</summary>
    Accepted,
    NoSuchArticle,
    CommentsClosed,

    /// <summary>The comment answers one that is not a published comment of the same article.</summary>
    ParentNotPublished,

    /// <summary>The idempotency key is not 1 to 255 visible ASCII characters.</summary>
    InvalidKey,

    /// <summary>The idempotency key was used, within its lifetime, for a different comment.</summary>
    KeyReused,

    /// <summary>The reader asked for mail, and this site sends commenters none (<see cref="Notifications.SubscriptionLinks.IsEnabled"/>).</summary>
    MailUnavailable,
}

public sealed record SubmissionOutcome(SubmissionOutcomeKind Kind, string? CommentId = null)
{
    /// <summary>For an accepted comment while editing is on: the writer's secret for editing or deleting it, and until when.</summary>
    public string? EditToken { get; init; }

    public DateTimeOffset? EditableUntil { get; init; }
}

/// <summary>
/// Where a reader's comment enters the pipeline: checks that the article takes it, keeps the idempotency promise
/// (one comment per <c>Idempotency-Key</c>, however often it is retried) and queues one message per comment. The
/// message carries the comment's id, so a second copy of it can only ever store the one comment.
/// </summary>
public sealed class CommentInbox(
    StorageClients storage,
    ArticleStore articles,
    CommentStore comments,
    IdempotencyKeys idempotencyKeys,
    IpAddressHasher ipHasher,
    IOptions<AkismetOptions> akismet,
    CommentaryMetrics metrics,
    Notifications.SubscriptionLinks subscriptionLinks,
    EditTokens editTokens,
    IOptions<EditOptions> editOptions,
    TimeProvider clock)
{
    /// <summary>How much of a browser header a message carries: enough for the spam check, and a message stays small.</summary>
    public const int MaxHeaderLength = 512;

    public async Task<SubmissionOutcome> SubmitAsync(
        string slug, ValidSubmission submission, string? idempotencyKey, SubmissionSender sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(sender);
        if (submission.WantsMail && !subscriptionLinks.IsEnabled)
        {
            return new SubmissionOutcome(SubmissionOutcomeKind.MailUnavailable);
        }

        var article = await articles.FindAsync(slug, cancellationToken);
        if (article is null)
        {
            return new SubmissionOutcome(SubmissionOutcomeKind.NoSuchArticle);
        }

        if (!article.Article.CommentsOpen)
        {
            return new SubmissionOutcome(SubmissionOutcomeKind.CommentsClosed);
        }

        if (submission.ParentId is { } parentId
            && await comments.FindAsync(slug, parentId, cancellationToken) is not { Status: CommentStatus.Approved })
        {
            return new SubmissionOutcome(SubmissionOutcomeKind.ParentNotPublished);
        }

        string id;
        if (idempotencyKey is null)
        {
            id = CommentId.New(clock);
        }
        else if (!IdempotencyKeys.IsValidKey(idempotencyKey))
        {
            return new SubmissionOutcome(SubmissionOutcomeKind.InvalidKey);
        }
        else
        {
            var hash = IdempotencyKeys.RequestHash(slug, submission);
            var existing = await idempotencyKeys.FindAsync(idempotencyKey, cancellationToken);
            var record = existing is not null && idempotencyKeys.IsLive(existing)
                ? existing
                : await idempotencyKeys.ClaimAsync(idempotencyKey, CommentId.New(clock), hash, existing, cancellationToken);
            if (record.RequestHash != hash)
            {
                return new SubmissionOutcome(SubmissionOutcomeKind.KeyReused);
            }

            id = record.CommentId;
            if (existing is not null && await comments.FindAsync(slug, id, cancellationToken) is not null)
            {
                return Accepted(slug, id, idempotencyKey).Outcome;
            }

            // Either a first post, or a retry whose first attempt may never have reached the queue: (re)send it.
        }

        var (outcome, tokenHash) = Accepted(slug, id, idempotencyKey);
        await EnqueueAsync(
            new SubmissionMessage(
                SubmissionMessage.CurrentVersion, id, slug, submission.Author, submission.Email, submission.Website,
                submission.Body, submission.ParentId, ipHasher.Hash(sender.Address), clock.GetUtcNow())
            {
                Client = akismet.Value.IsEnabled ? ClientDetailsOf(sender) : null,
                NotifyPublished = submission.NotifyPublished,
                NotifyReplies = submission.NotifyReplies,
                EditTokenHash = tokenHash,
            },
            cancellationToken);
        metrics.Accepted(slug);
        return outcome;
    }

    // A retried POST issues the same token (see EditTokens.Issue), so its receipt is the first one's.
    private (SubmissionOutcome Outcome, string? TokenHash) Accepted(string slug, string id, string? idempotencyKey)
    {
        var window = editOptions.Value.EditWindow;
        if (window <= TimeSpan.Zero)
        {
            return (new SubmissionOutcome(SubmissionOutcomeKind.Accepted, id), null);
        }

        var token = editTokens.Issue(slug, id, idempotencyKey);
        return (new SubmissionOutcome(SubmissionOutcomeKind.Accepted, id) { EditToken = token, EditableUntil = CommentId.Timestamp(id) + window }, EditTokens.Hash(token));
    }

    /// <summary>Queues a message as it is; <see cref="SubmitAsync"/> is the way in for a reader's comment.</summary>
    public async Task EnqueueAsync(SubmissionMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await storage.Submissions.SendMessageAsync(message.ToJson(), cancellationToken);
    }

    // Akismet judges the request as well as the text; only then does the message carry the address and headers.
    private static ClientDetails ClientDetailsOf(SubmissionSender sender) =>
        new(sender.AddressKnown ? sender.Address : null, Clip(sender.UserAgent), Clip(sender.Referrer));

    private static string? Clip(string value) => value.Length == 0 ? null : value[..Math.Min(value.Length, MaxHeaderLength)];
}
