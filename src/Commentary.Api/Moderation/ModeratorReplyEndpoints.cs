namespace Commentary.Api.Moderation;

/// <param name="Body">The reply's text, as a reader's comment (1 to 5,000 characters).</param>
/// <param name="AsAuthor">true: in the name of the article's author (front matter <c>author</c>); otherwise in the moderator's own name.</param>
public sealed record ModeratorReplyRequest(string? Body, bool? AsAuthor);

/// <summary>
/// What moderators add to the public conversation from the dashboard: a reply with a badge, published at once
/// (<see cref="ModeratorReplies"/>), and pins, which list a published comment first among its siblings.
/// </summary>
public sealed class ModeratorReplyEndpoints(ModeratorAccess access, ModeratorReplies replies, CommentStore comments, CommentPageCache pages, CommentEvents events, TimeProvider clock)
{
    /// <summary>The most pinned comments an article may have: a pin is for the few answers every reader should see.</summary>
    public const int MaxPinned = CommentPins.MaxPerArticle;

    public Task<IResult> ReplyAsync(HttpRequest request, string slug, string id) => access.RunAsync(request, FunctionNames.ReplyToComment, async (moderator, cancellationToken) =>
    {
        var (body, problem) = await ModeratorAnswers.ReadAboutCommentAsync<ModeratorReplyRequest>(request, slug, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var text = body?.Body?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > SubmissionValidator.BodyMax)
        {
            return Problems.Invalid("body", $"A reply is 1 to {SubmissionValidator.BodyMax} characters.");
        }

        var outcome = await replies.ReplyAsync(slug, id, text, body!.AsAuthor ?? false, moderator.Name, cancellationToken);
        switch (outcome.Kind)
        {
            case ModeratorReplyOutcomeKind.NotFound:
                return ModeratorAnswers.NoSuchComment();
            case ModeratorReplyOutcomeKind.ParentNotPublished:
                return Problems.NotPublished("Only a published comment can be replied to in public; publish it first.");
            case ModeratorReplyOutcomeKind.NoArticleAuthor:
                return Problems.Invalid("asAuthor", "The article names no author in its front matter; reply as yourself.");
            default:
                var reply = outcome.Reply!;
                request.HttpContext.Response.Headers.Location = Routes.Path(Routes.ModerationComment, slug, reply.Id);
                return ApiJson.Status(ModeratedComment.From(reply, null, await events.ListAsync(slug, reply.Id, cancellationToken)), StatusCodes.Status201Created);
        }
    });

    public Task<IResult> PinAsync(HttpRequest request, string slug, string id) =>
        access.RunAsync(request, FunctionNames.PinComment, (moderator, cancellationToken) => SetPinnedAsync(slug, id, true, moderator.Name, cancellationToken));

    public Task<IResult> UnpinAsync(HttpRequest request, string slug, string id) =>
        access.RunAsync(request, FunctionNames.UnpinComment, (moderator, cancellationToken) => SetPinnedAsync(slug, id, false, moderator.Name, cancellationToken));

    private async Task<IResult> SetPinnedAsync(string slug, string id, bool pinned, string moderator, CancellationToken cancellationToken)
    {
        if (!ModeratorAnswers.IsCommentKey(slug, id))
        {
            return ModeratorAnswers.NoSuchComment();
        }

        var outcome = await comments.SetPinnedAsync(slug, id, pinned, MaxPinned, cancellationToken);
        if (outcome.Kind == PinOutcomeKind.Changed)
        {
            pages.Invalidate(slug);
            await events.AppendAsync(slug, id, new CommentEvent(clock.GetUtcNow(), pinned ? CommentEventKinds.Pinned : CommentEventKinds.Unpinned, moderator, null), cancellationToken);
        }

        return outcome.Kind switch
        {
            PinOutcomeKind.NotFound => ModeratorAnswers.NoSuchComment(),
            PinOutcomeKind.NotPublished when pinned => Problems.NotPublished("Only a published comment can be pinned."),
            PinOutcomeKind.NotPublished => ApiJson.Ok(ModeratedComment.From(outcome.Comment!, null)),
            PinOutcomeKind.LimitReached => Problems.PinLimitReached(MaxPinned),
            PinOutcomeKind.Conflict => ModeratorAnswers.ChangedSinceRead(),
            _ => ApiJson.Ok(ModeratedComment.From(outcome.Comment!, null, await events.ListAsync(slug, id, cancellationToken))),
        };
    }
}
