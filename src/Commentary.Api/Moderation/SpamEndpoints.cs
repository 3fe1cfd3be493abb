namespace Commentary.Api.Moderation;

public sealed record SpamRequest(bool? Ban, string? Reason);

/// <summary>"This is spam": reject it, reject reposts of the same text, and (with <c>ban: true</c>) ban its author.</summary>
public sealed class SpamEndpoints(ModeratorAccess access, SpamMarking spam, CommentEvents events)
{
    public Task<IResult> MarkAsync(HttpRequest request, string slug, string id) => access.RunAsync(request, FunctionNames.MarkCommentAsSpam, async (moderator, cancellationToken) =>
    {
        var (body, problem) = await ModeratorAnswers.ReadAboutCommentAsync<SpamRequest>(request, slug, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (reason, invalid) = ReasonField.Read(body?.Reason);
        if (invalid is not null)
        {
            return Problems.Invalid(ReasonField.Name, invalid);
        }

        var outcome = await spam.MarkAsync(slug, id, moderator.Name, reason, body?.Ban ?? false, ModeratorAnswers.IfMatch(request), cancellationToken);
        return await ModeratorAnswers.ChangeAsync(outcome, events, cancellationToken);
    });
}
