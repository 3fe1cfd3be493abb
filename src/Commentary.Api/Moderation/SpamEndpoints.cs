using Commentary.Api.Http;
using Commentary.Core.Moderation;

namespace Commentary.Api.Moderation;

public sealed record SpamRequest(bool? Ban, string? Reason);

/// <summary>"This is spam": reject it, reject reposts of the same text, and (with <c>ban: true</c>) ban its author.</summary>
public sealed class SpamEndpoints(ModerationEndpoints moderation, SpamMarking spam)
{
    public Task<IResult> MarkAsync(HttpRequest request, string slug, string id) => moderation.Authorized(request, async (moderator, cancellationToken) =>
    {
        if (!ModerationEndpoints.IsCommentKey(slug, id))
        {
            return ModerationEndpoints.NoSuchComment();
        }

        var (body, problem) = await JsonBody.ReadOptionalAsync<SpamRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var reason = string.IsNullOrWhiteSpace(body?.Reason) ? null : body.Reason.Trim();
        if (reason?.Length > ModerationEndpoints.MaxReasonLength)
        {
            return Problems.Invalid("reason", $"A reason can be at most {ModerationEndpoints.MaxReasonLength} characters.");
        }

        var outcome = await spam.MarkAsync(slug, id, moderator, reason, body?.Ban ?? false, ModerationEndpoints.IfMatch(request), cancellationToken);
        return await moderation.AnswerAsync(outcome, cancellationToken);
    });
}
