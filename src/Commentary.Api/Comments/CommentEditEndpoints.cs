using Commentary.Api.Protection;
using Commentary.Core.Privacy;

namespace Commentary.Api.Comments;

/// <summary>The new text of a comment its writer edits.</summary>
public sealed record CommentEdit(string? Body);

/// <summary>
/// A comment's writer edits (<c>PUT</c>) or deletes (<c>DELETE</c>) it, proving who they are with the edit token of
/// the comment's <c>202</c> receipt in <c>Authorization: Bearer</c>, within the edit window. The use case lives in
/// <see cref="AuthorActions"/>; this only parses and answers.
/// </summary>
public sealed class CommentEditEndpoints(AuthorActions authors, PublicPosts posts, IpAddressHasher ipHasher, EndpointGuard guard)
{
    public Task<IResult> EditAsync(HttpRequest request, string slug, string id) => guard.RunAsync(request, async cancellationToken =>
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!Slug.IsValid(slug) || !CommentId.IsValid(id))
        {
            return NoSuchComment();
        }

        var (client, edit, problem) = await posts.ReadAsync<CommentEdit>(
            request, "You are changing comments faster than we accept. Please wait a moment and try again.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (body, invalid) = SubmissionValidator.CheckBody(edit!.Body);
        if (invalid is not null)
        {
            return Problems.Invalid("body", invalid);
        }

        var outcome = await authors.EditAsync(slug, id, TokenOf(request), body!, ipHasher.Hash(client), cancellationToken);
        if (outcome == AuthorActionKind.EditQueued)
        {
            request.HttpContext.Response.Headers.Location = Routes.Path(Routes.ArticleComment, slug, id);
            return ApiJson.Status(new CommentReceipt(id, "pending"), StatusCodes.Status202Accepted);
        }

        return Refused(outcome);
    });

    public Task<IResult> DeleteAsync(HttpRequest request, string slug, string id) => guard.RunAsync(request, async cancellationToken =>
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        if (!Slug.IsValid(slug) || !CommentId.IsValid(id))
        {
            return NoSuchComment();
        }

        var outcome = await authors.DeleteAsync(slug, id, TokenOf(request), cancellationToken);
        return outcome == AuthorActionKind.Deleted ? Results.NoContent() : Refused(outcome);
    });

    private static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static IResult Refused(AuthorActionKind outcome) => outcome switch
    {
        AuthorActionKind.NotFound => NoSuchComment(),
        AuthorActionKind.WrongToken => Problems.NotYours(),
        AuthorActionKind.WindowClosed => Problems.EditWindowClosed(),
        _ => throw new System.Diagnostics.UnreachableException($"No answer for the author action outcome {outcome}."),
    };

    private static IResult NoSuchComment() => Problems.NotFound("There is no such comment.");
}
