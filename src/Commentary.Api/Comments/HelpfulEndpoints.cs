using Commentary.Api.Protection;
using Commentary.Core.Privacy;

namespace Commentary.Api.Comments;

/// <param name="ReaderId">The random id the widget keeps for this reader in <c>localStorage</c> (16 to 64 letters, digits and hyphens).</param>
public sealed record HelpfulRequest(string? ReaderId);

/// <param name="Helpful">How many readers marked the comment "This helped", this one included.</param>
/// <param name="Counted">false when this reader had marked it before: nothing was stored, the count is as it was.</param>
public sealed record HelpfulReceipt(int Helpful, bool Counted);

/// <summary>
/// "This helped": a reader marks a published comment once (<see cref="HelpfulMarks"/>). A second mark by the same
/// reader is answered <c>200</c> with <c>counted: false</c>; a comment that is not published is <c>404</c>; with the
/// live setting <c>helpfulMarks.enabled</c> off, <c>403</c>.
/// </summary>
public sealed class HelpfulEndpoints(HelpfulMarks marks, PolicyProvider policies, ClientAddress clientAddress, IpAddressHasher ipHasher, EndpointGuard guard)
{
    public Task<IResult> MarkAsync(HttpRequest request, string slug, string id) => guard.RunAsync(request, async cancellationToken =>
    {
        if (!Slug.IsValid(slug) || !CommentId.IsValid(id))
        {
            return NoSuchComment();
        }

        if (!(await policies.CurrentSettingsAsync(cancellationToken)).HelpfulMarks.Enabled)
        {
            return Problems.HelpfulMarksOff();
        }

        var (body, problem) = await JsonBody.ReadAsync<HelpfulRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!HelpfulMarks.IsReaderId(body!.ReaderId))
        {
            return Problems.Invalid("readerId", "readerId is 16 to 64 letters, digits and hyphens, kept by the widget for this reader.");
        }

        var reader = HelpfulMarks.ReaderKey(ipHasher.Hash(clientAddress.Of(request.HttpContext)), body.ReaderId!);
        var outcome = await marks.MarkAsync(slug, id, reader, cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return outcome is null ? NoSuchComment() : ApiJson.Ok(new HelpfulReceipt(outcome.Helpful, outcome.Counted));
    });

    private static IResult NoSuchComment() => Problems.NotFound("There is no such published comment.");
}
