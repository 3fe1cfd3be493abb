using System.Globalization;
using System.Runtime.CompilerServices;
using Commentary.Api.Protection;

namespace Commentary.Api.Comments;

/// <summary>A comment as the public sees it: never the email, never the IP hash.</summary>
public sealed record PublicComment(string Id, string? ParentId, string Author, string? Website, string Body, string Html, DateTimeOffset Created)
{
    /// <summary>"author" or "moderator" on a reply from the site's team; null on readers' comments.</summary>
    public string? Badge { get; init; }

    /// <summary>Pinned by a moderator: listed first among its siblings in every order.</summary>
    public bool Pinned { get; init; }

    /// <summary>How many readers marked it "This helped".</summary>
    public int Helpful { get; init; }

    /// <summary>When its writer last edited it; absent if never.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Edited { get; init; }

    /// <summary>Its writer deleted it: it stands only for the place its replies answer, with no author and no text.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Deleted { get; init; }

    public static PublicComment From(PublishedComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        if (comment.DeletedByAuthor)
        {
            return new(comment.Id, comment.ParentId, string.Empty, null, string.Empty, string.Empty, comment.Created) { Deleted = true };
        }

        return new(comment.Id, comment.ParentId, comment.Author, comment.Website, comment.Body, CommentBodyRenderer.ToHtml(comment.Body), comment.Created)
        {
            Badge = comment.Badge,
            Pinned = comment.Pinned,
            Helpful = comment.Helpful,
            Edited = comment.EditedAt,
        };
    }
}

public sealed record CommentPage(IReadOnlyList<PublicComment> Items, string? ContinuationToken, int Total);

public sealed record CommentReceipt(string Id, string Status)
{
    /// <summary>The writer's secret for editing or deleting the comment; only in the receipt of a new comment, never again.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? EditToken { get; init; }

    /// <summary>Until when the token works.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? EditableUntil { get; init; }
}

/// <summary>
/// The public comment routes of an article: list its approved comments, and post one (it is queued for moderation
/// and answered <c>202</c>, with the <c>Location</c> of its status, <see cref="CommentStatusEndpoints"/>).
/// </summary>
public sealed class CommentEndpoints(ArticleStore articles, CommentPageCache pages, CommentInbox inbox, PublicPosts posts, EndpointGuard guard)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    // A cached page's answer (its rendered comments, serialized, and its ETag) is made once and dropped with the page.
    private readonly ConditionalWeakTable<ApprovedPage, JsonAnswer> _answers = [];
    private readonly PublicCommentRenderer _renderer = new();

    public Task<IResult> ListAsync(HttpRequest request, string slug) => guard.RunAsync(request, async cancellationToken =>
    {
        var (page, problem) = PageRequest.From(request, DefaultLimit, MaxLimit, CommentId.IsValid);
        if (problem is not null)
        {
            return problem;
        }

        if (!CommentSortNames.TryParse(request.Query["sort"].ToString(), out var sort))
        {
            return Problems.Invalid("sort", "sort must be oldest, newest or helpful.");
        }

        ApprovedPage approved;
        if (articles.Holds(slug))
        {
            // An article this instance has read before: checking that it still exists and reading the page are
            // independent, so when both must ask storage the requests run side by side.
            var article = articles.FindAsync(slug, cancellationToken);
            var read = pages.PageAsync(slug, sort, page!.After, page.Limit, cancellationToken);
            await Task.WhenAll(article, read);
            if (await article is null)
            {
                return NoSuchArticle(slug);
            }

            approved = await read;
        }
        else
        {
            // Unknown slugs are checked first, so a request for an article that does not exist reads no comments.
            if (await articles.FindAsync(slug, cancellationToken) is null)
            {
                return NoSuchArticle(slug);
            }

            approved = await pages.PageAsync(slug, sort, page!.After, page.Limit, cancellationToken);
        }

        if (!_answers.TryGetValue(approved, out var answer))
        {
            answer = JsonAnswer.Of(
                new CommentPage(_renderer.Render(slug, approved.Items), approved.LastId, approved.Total),
                HttpCaching.ETagOf("comments", approved.Version ?? "none", page.After ?? string.Empty, page.Limit.ToString(CultureInfo.InvariantCulture), sort.ToWire()));
            _answers.AddOrUpdate(approved, answer);
        }

        if (HttpCaching.IsNotModified(request, answer.ETag, HttpCaching.PublicShortLived))
        {
            return HttpCaching.NotModified();
        }

        return answer;
    });

    public Task<IResult> SubmitAsync(HttpRequest request, string slug) => guard.RunAsync(request, async cancellationToken =>
    {
        if (!Slug.IsValid(slug))
        {
            return NoSuchArticle(slug);
        }

        var (client, body, problem) = await posts.ReadAsync<CommentSubmission>(
            request, "You are posting faster than we accept comments. Please wait a moment and try again.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var validation = SubmissionValidator.Validate(body!);
        if (!validation.IsValid)
        {
            return Problems.Validation(validation.Errors);
        }

        var key = request.Headers[IdempotencyKeyHeader].ToString();
        var sender = new SubmissionSender(client, client != ClientAddress.Unknown, request.Headers.UserAgent.ToString(), request.Headers.Referer.ToString());
        var outcome = await inbox.SubmitAsync(slug, validation.Submission!, key.Length == 0 ? null : key, sender, cancellationToken);
        return outcome.Kind switch
        {
            SubmissionOutcomeKind.Accepted => Accepted(request, slug, outcome),
            SubmissionOutcomeKind.NoSuchArticle => NoSuchArticle(slug),
            SubmissionOutcomeKind.CommentsClosed => Problems.CommentsClosed(slug),
            SubmissionOutcomeKind.ParentNotPublished => Problems.Invalid("parentId", "You can only reply to a published comment on this article."),
            SubmissionOutcomeKind.InvalidKey => Problems.Invalid(IdempotencyKeyHeader, "An Idempotency-Key is 1 to 255 visible ASCII characters."),
            SubmissionOutcomeKind.KeyReused => Problems.IdempotencyKeyReused(),
            SubmissionOutcomeKind.MailUnavailable => Problems.Invalid(
                validation.Submission!.NotifyPublished ? "notifyPublished" : "notifyReplies", "This site does not send email about comments; post without asking for it."),
            _ => throw new System.Diagnostics.UnreachableException($"No answer for the submission outcome {outcome.Kind}."),
        };
    });

    private static IResult Accepted(HttpRequest request, string slug, SubmissionOutcome outcome)
    {
        var id = outcome.CommentId!;
        request.HttpContext.Response.Headers.Location = Routes.Path(Routes.ArticleComment, slug, id);
        // The receipt holds a secret: no cache may keep it.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return ApiJson.Status(new CommentReceipt(id, "pending") { EditToken = outcome.EditToken, EditableUntil = outcome.EditableUntil }, StatusCodes.Status202Accepted);
    }

    private static IResult NoSuchArticle(string slug) => Problems.NotFound($"There is no article '{slug}'.");
}
