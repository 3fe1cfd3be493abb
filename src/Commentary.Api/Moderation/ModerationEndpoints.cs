using System.Text.Json.Serialization;
using Commentary.Api.Http;
using Commentary.Api.Protection;
using Commentary.Core.Articles;
using Commentary.Core.Comments;
using Commentary.Core.Moderation;

namespace Commentary.Api.Moderation;

public sealed record CommenterSummary(int Approved, int Pending, int Rejected);

/// <summary>
/// The full record a moderator works with, including the commenter's email, the reasons, the commenter's
/// <c>history</c> (in lists) and the comment's own <c>events</c> (in answers about one comment).
/// </summary>
public sealed record ModeratedComment(
    string Slug, string Id, string? ParentId, string Author, string Email, string? Website, string Body, string Html,
    DateTimeOffset Created, string Status, double Score, string Priority, IReadOnlyList<ModerationReason> Reasons, string? IpHash,
    string? ModeratedBy, DateTimeOffset? ModeratedAt, string? StatusNote, [property: JsonPropertyName("etag")] string ETag, CommenterSummary? History,
    IReadOnlyList<CommentEvent>? Events)
{
    /// <summary>For an urgent comment (in lists and answers about one comment): the resources its writer was shown and a reply draft.</summary>
    public CrisisCase? Crisis { get; init; }

    public static ModeratedComment From(Comment c, CommenterRecord? history, IReadOnlyList<CommentEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Slug, c.Id, c.ParentId, c.Author, c.Email, c.Website, c.Body, CommentBodyRenderer.ToHtml(c.Body),
            c.Created, c.Status.ToWire(), c.Score, c.Priority == CommentPriority.Urgent ? "urgent" : "normal", c.Reasons, c.IpHash, c.ModeratedBy, c.ModeratedAt, c.StatusNote, c.ETag,
            history is null ? null : new CommenterSummary(history.Approved, history.Pending, history.Rejected), events);
    }
}

public sealed record ModerationPage(IReadOnlyList<ModeratedComment> Items, string? ContinuationToken);

public sealed record RejectRequest(string? Reason);

/// <summary>Everything stored about one email address, for a commenter's access request.</summary>
public sealed record CommenterExportView(string Email, string EmailHash, IReadOnlyList<ModeratedComment> Comments, IReadOnlyList<PoisonMessage> PoisonMessages);

/// <summary>Up to 32 of the oldest poison messages, with the comment they carried where it can be read.</summary>
public sealed record PoisonPage(IReadOnlyList<PoisonMessage> Items);

/// <summary>
/// The moderators' routes. Every one checks the moderator key first; changes send <c>If-Match</c> (optional) and
/// answer <c>409</c> when the comment changed since it was read.
/// </summary>
public sealed class ModerationEndpoints(
    ModeratorAccess access,
    ModerationIndex index,
    CommenterHistory commenters,
    ModerationActions actions,
    PoisonMessages poison,
    CommenterData commenterData,
    CommentStore comments,
    CommentEvents events,
    CrisisSupport crisis,
    PolicyProvider policies)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxReasonLength = 500;

    public Task<IResult> ListAsync(HttpRequest request) => Authorized(request, async (moderator, cancellationToken) =>
    {
        var statusText = request.Query["status"].ToString();
        var status = CommentStatus.Pending;
        if (statusText.Length > 0 && !CommentStatusNames.TryParse(statusText, out status))
        {
            return Problems.Invalid("status", "status must be pending, approved or rejected.");
        }

        var article = request.Query["article"].ToString();
        if (article.Length > 0 && !Slug.IsValid(article))
        {
            return Problems.Invalid("article", "article must be an article's slug.");
        }

        var (page, problem) = PageRequest.From(request, DefaultLimit, MaxLimit, ModerationIndex.IsRowKey);
        if (problem is not null)
        {
            return problem;
        }

        var (items, next) = await index.ListAsync(status, article.Length == 0 ? null : article, page!.After, page.Limit, cancellationToken);
        var histories = await Task.WhenAll(items.Select(c => c.Email).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(async email => (email, await commenters.ForEmailAsync(email, cancellationToken))));
        var byEmail = histories.ToDictionary(h => h.email, h => h.Item2, StringComparer.OrdinalIgnoreCase);
        var records = await Task.WhenAll(items.Select(c => WithCrisisAsync(ModeratedComment.From(c, byEmail[c.Email]), c, null, moderator, cancellationToken)));
        return ApiJson.Ok(new ModerationPage(records, next));
    });

    public Task<IResult> ApproveAsync(HttpRequest request, string slug, string id) => Authorized(request, async (moderator, cancellationToken) =>
        !IsCommentKey(slug, id)
            ? NoSuchComment()
            : await AnswerAsync(await actions.ApproveAsync(slug, id, moderator, IfMatch(request), cancellationToken), cancellationToken));

    public Task<IResult> GetAsync(HttpRequest request, string slug, string id) => Authorized(request, async (moderator, cancellationToken) =>
    {
        var comment = IsCommentKey(slug, id) ? await comments.FindAsync(slug, id, cancellationToken) : null;
        if (comment is null)
        {
            return NoSuchComment();
        }

        var history = commenters.ForEmailAsync(comment.Email, cancellationToken);
        var log = events.ListAsync(slug, id, cancellationToken);
        return ApiJson.Ok(await WithCrisisAsync(ModeratedComment.From(comment, await history, await log), comment, await log, moderator, cancellationToken));
    });

    public Task<IResult> RejectAsync(HttpRequest request, string slug, string id) => Authorized(request, async (moderator, cancellationToken) =>
    {
        if (!IsCommentKey(slug, id))
        {
            return NoSuchComment();
        }

        var (body, problem) = await JsonBody.ReadOptionalAsync<RejectRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var reason = body?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Problems.Invalid("reason", "Say why the comment is rejected; the reason is kept with it.");
        }

        if (reason.Length > MaxReasonLength)
        {
            return Problems.Invalid("reason", $"A reason can be at most {MaxReasonLength} characters.");
        }

        return await AnswerAsync(await actions.RejectAsync(slug, id, moderator, reason, IfMatch(request), cancellationToken), cancellationToken);
    });

    public Task<IResult> DeleteAsync(HttpRequest request, string slug, string id) => Authorized(request, async (moderator, cancellationToken) =>
    {
        if (!IsCommentKey(slug, id))
        {
            return NoSuchComment();
        }

        var outcome = await actions.DeleteAsync(slug, id, moderator, IfMatch(request), cancellationToken);
        return outcome.Kind switch
        {
            StoreOutcomeKind.NotFound => NoSuchComment(),
            StoreOutcomeKind.Conflict => Problems.Conflict("The comment changed since you read it; reload it and decide again."),
            _ => TypedResults.NoContent(),
        };
    });

    public Task<IResult> ListPoisonAsync(HttpRequest request) => Authorized(request, async (moderator, cancellationToken) =>
        ApiJson.Ok(new PoisonPage(await poison.ListAsync(cancellationToken))));

    public Task<IResult> RequeuePoisonAsync(HttpRequest request, string messageId) => Authorized(request, async (moderator, cancellationToken) =>
        Guid.TryParse(messageId, out _) && await poison.RequeueAsync(messageId, moderator, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("There is no such message in the poison queue."));

    public Task<IResult> DiscardPoisonAsync(HttpRequest request, string messageId) => Authorized(request, async (moderator, cancellationToken) =>
        Guid.TryParse(messageId, out _) && await poison.DiscardAsync(messageId, moderator, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound("There is no such message in the poison queue."));

    public Task<IResult> ExportCommenterAsync(HttpRequest request, string email) => Authorized(request, async (moderator, cancellationToken) =>
    {
        if (!IsEmailKey(email))
        {
            return Problems.Invalid("email", "This is not an email address.");
        }

        var export = await commenterData.ExportAsync(email, cancellationToken);
        var history = await commenters.ForEmailAsync(email, cancellationToken);
        return ApiJson.Ok(new CommenterExportView(
            export.Email, export.EmailHash, export.Comments.Select(c => ModeratedComment.From(c, history)).ToArray(), export.PoisonMessages));
    });

    public Task<IResult> EraseCommenterAsync(HttpRequest request, string email) => Authorized(request, async (moderator, cancellationToken) =>
        IsEmailKey(email)
            ? ApiJson.Ok(await commenterData.EraseAsync(email, moderator, cancellationToken))
            : Problems.Invalid("email", "This is not an email address."));

    private static bool IsEmailKey(string email) => SubmissionValidator.IsPlausibleEmail(email);

    /// <summary>Runs a moderator endpoint behind <see cref="ModeratorAccess"/>: key check, lockout, <c>no-store</c>.</summary>
    internal Task<IResult> Authorized(HttpRequest request, Func<string, CancellationToken, Task<IResult>> endpoint) =>
        access.RunAsync(request, endpoint);

    /// <summary>The answer to a change of one comment: the record with its events, or 404 / 409.</summary>
    internal async Task<IResult> AnswerAsync(StoreOutcome outcome, CancellationToken cancellationToken) => outcome.Kind switch
    {
        StoreOutcomeKind.NotFound => NoSuchComment(),
        StoreOutcomeKind.Conflict => Problems.Conflict("The comment changed since you read it; reload it and decide again."),
        _ => ApiJson.Ok(ModeratedComment.From(outcome.Comment!, null, await events.ListAsync(outcome.Comment!.Slug, outcome.Comment.Id, cancellationToken))),
    };

    /// <summary>Adds <see cref="ModeratedComment.Crisis"/> to the record of a comment in the crisis lane.</summary>
    internal async Task<ModeratedComment> WithCrisisAsync(
        ModeratedComment record, Comment comment, IReadOnlyList<CommentEvent>? log, string moderator, CancellationToken cancellationToken)
    {
        if (!CrisisSupport.IsInCrisisLane(comment))
        {
            return record;
        }

        var settings = (await policies.CurrentSettingsAsync(cancellationToken)).CrisisResources;
        return record with { Crisis = await crisis.CaseAsync(comment, log, settings, moderator, cancellationToken) };
    }

    internal static bool IsCommentKey(string slug, string id) => Slug.IsValid(slug) && CommentId.IsValid(id);

    internal static IResult NoSuchComment() => Problems.NotFound("There is no such comment.");

    internal static string? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString();
        return value.Length == 0 ? null : value;
    }
}
