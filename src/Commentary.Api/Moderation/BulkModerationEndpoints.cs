namespace Commentary.Api.Moderation;

public sealed record BulkItem(string? Slug, string? Id);

public sealed record BulkRequest(string? Action, IReadOnlyList<BulkItem?>? Items, string? Reason);

/// <summary>One item's outcome: <c>ok</c> (with the record, except after a delete), <c>not-found</c>, <c>conflict</c>, <c>invalid</c>.</summary>
public sealed record BulkItemResult(string? Slug, string? Id, string Status, ModeratedComment? Comment);

public sealed record BulkResults(IReadOnlyList<BulkItemResult> Results);

/// <summary>
/// One action on up to <see cref="MaxItems"/> comments. Each item succeeds or fails on its own, so the answer is
/// <c>200</c> with a result per item, in the order sent. <c>delete</c> needs the role that deleting one comment needs.
/// </summary>
public sealed class BulkModerationEndpoints(ModeratorAccess access, ModerationActions actions, SpamMarking spam)
{
    public const int MaxItems = 100;
    private static readonly string[] Actions = ["approve", "reject", "delete", "spam"];

    public Task<IResult> RunAsync(HttpRequest request) => access.RunAsync(request, FunctionNames.ModerateInBulk, async (moderator, cancellationToken) =>
    {
        var (body, problem) = await JsonBody.ReadValidAsync<BulkRequest>(request, Validate, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        // Deleting in bulk needs what deleting one comment needs.
        var deleteRole = ModeratorRoutes.RoleFor(FunctionNames.DeleteComment);
        if (body!.Action == "delete" && !moderator.May(deleteRole))
        {
            return ModeratorAccess.Refused(deleteRole);
        }

        var (reason, _) = ReasonField.Read(body.Reason);
        var results = new List<BulkItemResult>(body.Items!.Count);
        foreach (var item in body.Items!)
        {
            results.Add(await RunOneAsync(body.Action!, item, moderator.Name, reason, cancellationToken));
        }

        return ApiJson.Ok(new BulkResults(results));
    });

    public static Dictionary<string, string[]> Validate(BulkRequest body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new Dictionary<string, string[]>();
        if (body.Action is null || !Actions.Contains(body.Action))
        {
            errors["action"] = ["action must be approve, reject, delete or spam."];
        }

        if (body.Items is not { Count: > 0 })
        {
            errors["items"] = ["Name at least one comment as {slug, id}."];
        }
        else if (body.Items.Count > MaxItems)
        {
            errors["items"] = [$"At most {MaxItems} comments at once."];
        }

        var (_, invalidReason) = ReasonField.Read(body.Reason, body.Action == "reject" ? "Say why the comments are rejected; the reason is kept with each." : null);
        if (invalidReason is not null)
        {
            errors[ReasonField.Name] = [invalidReason];
        }

        return errors;
    }

    private async Task<BulkItemResult> RunOneAsync(string action, BulkItem? item, string moderator, string? reason, CancellationToken cancellationToken)
    {
        if (item is not { Slug: { } slug, Id: { } id } || !ModeratorAnswers.IsCommentKey(slug, id))
        {
            return new BulkItemResult(item?.Slug, item?.Id, "invalid", null);
        }

        var outcome = action switch
        {
            "approve" => await actions.ApproveAsync(slug, id, moderator, null, cancellationToken),
            "reject" => await actions.RejectAsync(slug, id, moderator, reason, null, cancellationToken),
            "spam" => await spam.MarkAsync(slug, id, moderator, reason, ban: false, null, cancellationToken),
            _ => await actions.DeleteAsync(slug, id, moderator, null, cancellationToken),
        };
        return outcome.Kind switch
        {
            StoreOutcomeKind.NotFound => new BulkItemResult(slug, id, "not-found", null),
            StoreOutcomeKind.Conflict => new BulkItemResult(slug, id, "conflict", outcome.Comment is { } c ? ModeratedComment.From(c, null) : null),
            _ => new BulkItemResult(slug, id, "ok", action == "delete" ? null : ModeratedComment.From(outcome.Comment!, null)),
        };
    }
}
