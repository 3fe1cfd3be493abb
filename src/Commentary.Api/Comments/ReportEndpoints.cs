using Commentary.Api.Protection;
using Commentary.Core.Privacy;
using Commentary.Core.Telemetry;

namespace Commentary.Api.Comments;

public sealed record ReportRequest(string? Reason);

/// <summary>How many readers have reported the comment. The threshold that holds it again is not told.</summary>
public sealed record ReportReceipt(int Reports);

/// <summary>Readers report a published comment; reporters are known only by their IP hash and limited like posting.</summary>
public sealed class ReportEndpoints(
    CommentReporting reporting, PublicPosts posts, IpAddressHasher ipHasher, EndpointGuard guard)
{
    public Task<IResult> ReportAsync(HttpRequest request, string slug, string id) => guard.RunAsync(request, async cancellationToken =>
    {
        if (!Slug.IsValid(slug) || !CommentId.IsValid(id))
        {
            return Problems.NotFound("There is no such comment.");
        }

        var (client, body, problem) = await posts.ReadAsync<ReportRequest>(
            request, "You are reporting faster than we accept reports. Please wait a moment and try again.", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (reason, invalid) = ReasonField.Read(body!.Reason, "Say what is wrong with the comment.");
        if (invalid is not null)
        {
            return Problems.Invalid(ReasonField.Name, invalid);
        }

        var outcome = await reporting.ReportAsync(slug, id, ipHasher.Hash(client), reason!, cancellationToken);
        return outcome is null
            ? Problems.NotFound("There is no such comment.")
            : ApiJson.Status(new ReportReceipt(outcome.Reports), StatusCodes.Status202Accepted);
    });
}
