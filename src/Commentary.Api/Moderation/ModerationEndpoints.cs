namespace Commentary.Api.Moderation;

public sealed record ModerationPage(IReadOnlyList<ModeratedComment> Items, string? ContinuationToken);

public sealed record RejectRequest(string? Reason);

/// <summary>
/// The moderation queue and the decisions on one comment. Every route checks the moderator key first
/// (<see cref="ModeratorAccess"/>); changes send <c>If-Match</c> (optional) and answer <c>409</c> when the comment
/// changed since it was read.
/// </summary>
public sealed class ModerationEndpoints(
    ModeratorAccess access,
    ModerationIndex index,
    CommenterHistory commenters,
    ModerationActions actions,
    CommentStore comments,
    CommentEvents events,
    CrisisSupport crisis,
    PolicyProvider policies)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public Task<IResult> ListAsync(HttpRequest request) => access.RunAsync(request, FunctionNames.ListModerationComments, async (moderator, cancellationToken) =>
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
        var records = await Task.WhenAll(items.Select(c => WithCrisisAsync(ModeratedComment.From(c, byEmail[c.Email]), c, null, moderator.Name, cancellationToken)));
        return ApiJson.Ok(new ModerationPage(records, next));
    });

    public Task<IResult> ApproveAsync(HttpRequest request, string slug, string id) => access.RunAsync(request, FunctionNames.ApproveComment, async (moderator, cancellationToken) =>
        !ModeratorAnswers.IsCommentKey(slug, id)
            ? ModeratorAnswers.NoSuchComment()
            : await ModeratorAnswers.ChangeAsync(await actions.ApproveAsync(slug, id, moderator.Name, ModeratorAnswers.IfMatch(request), cancellationToken), events, cancellationToken));

    public Task<IResult> GetAsync(HttpRequest request, string slug, string id) => access.RunAsync(request, FunctionNames.GetModeratedComment, async (moderator, cancellationToken) =>
    {
        var comment = ModeratorAnswers.IsCommentKey(slug, id) ? await comments.FindAsync(slug, id, cancellationToken) : null;
        if (comment is null)
        {
            return ModeratorAnswers.NoSuchComment();
        }

        var history = commenters.ForEmailAsync(comment.Email, cancellationToken);
        var log = events.ListAsync(slug, id, cancellationToken);
        return ApiJson.Ok(await WithCrisisAsync(ModeratedComment.From(comment, await history, await log), comment, await log, moderator.Name, cancellationToken));
    });

    public Task<IResult> RejectAsync(HttpRequest request, string slug, string id) => access.RunAsync(request, FunctionNames.RejectComment, async (moderator, cancellationToken) =>
    {
        var (body, problem) = await ModeratorAnswers.ReadAboutCommentAsync<RejectRequest>(request, slug, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (reason, invalid) = ReasonField.Read(body?.Reason, "Say why the comment is rejected; the reason is kept with it.");
        if (invalid is not null)
        {
            return Problems.Invalid(ReasonField.Name, invalid);
        }

        return await ModeratorAnswers.ChangeAsync(await actions.RejectAsync(slug, id, moderator.Name, reason, ModeratorAnswers.IfMatch(request), cancellationToken), events, cancellationToken);
    });

    public Task<IResult> DeleteAsync(HttpRequest request, string slug, string id) => access.RunAsync(request, FunctionNames.DeleteComment, async (moderator, cancellationToken) =>
    {
        if (!ModeratorAnswers.IsCommentKey(slug, id))
        {
            return ModeratorAnswers.NoSuchComment();
        }

        var outcome = await actions.DeleteAsync(slug, id, moderator.Name, ModeratorAnswers.IfMatch(request), cancellationToken);
        return outcome.Kind switch
        {
            StoreOutcomeKind.NotFound => ModeratorAnswers.NoSuchComment(),
            StoreOutcomeKind.Conflict => ModeratorAnswers.ChangedSinceRead(),
            _ => TypedResults.NoContent(),
        };
    });

    /// <summary>Adds <see cref="ModeratedComment.Crisis"/> to the record of a comment in the crisis lane.</summary>
    private async Task<ModeratedComment> WithCrisisAsync(
        ModeratedComment record, Comment comment, IReadOnlyList<CommentEvent>? log, string moderator, CancellationToken cancellationToken)
    {
        if (!CrisisSupport.IsInCrisisLane(comment))
        {
            return record;
        }

        var settings = (await policies.CurrentSettingsAsync(cancellationToken)).CrisisResources;
        return record with { Crisis = await crisis.CaseAsync(comment, log, settings, moderator, cancellationToken) };
    }
}
