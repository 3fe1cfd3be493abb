namespace Commentary.Api.Moderation;

/// <summary>What every route about one comment checks and answers alike, whichever moderator endpoint serves it.</summary>
public static class ModeratorAnswers
{
    /// <summary>Whether the route's slug and id can name a comment at all; a malformed key is answered like a missing comment.</summary>
    public static bool IsCommentKey(string slug, string id) => Slug.IsValid(slug) && CommentId.IsValid(id);

    public static IResult NoSuchComment() => Problems.NotFound("There is no such comment.");

    public static IResult ChangedSinceRead() => Problems.Conflict("The comment changed since you read it; reload it and decide again.");

    /// <summary>The <c>If-Match</c> header, or null when the moderator sent none (the change is then unconditional).</summary>
    public static string? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.IfMatch.ToString();
        return value.Length == 0 ? null : value;
    }

    /// <summary>
    /// The optional JSON body of a request about one comment, once the route names one: a key that cannot name a
    /// comment is answered <c>404</c> before the body is read.
    /// </summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAboutCommentAsync<T>(HttpRequest request, string slug, string id, CancellationToken cancellationToken)
        where T : class =>
        IsCommentKey(slug, id) ? await JsonBody.ReadOptionalAsync<T>(request, cancellationToken) : (null, NoSuchComment());

    /// <summary>The answer to a change of one comment: the record with its events, or 404 / 409.</summary>
    public static async Task<IResult> ChangeAsync(StoreOutcome outcome, CommentEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(events);
        return outcome.Kind switch
        {
            StoreOutcomeKind.NotFound => NoSuchComment(),
            StoreOutcomeKind.Conflict => ChangedSinceRead(),
            _ => ApiJson.Ok(ModeratedComment.From(outcome.Comment!, null, await events.ListAsync(outcome.Comment!.Slug, outcome.Comment.Id, cancellationToken))),
        };
    }
}
