using Commentary.Core.Privacy;
using Commentary.Core.Telemetry;

namespace Commentary.Api.Moderation;

/// <summary>Everything stored about one email address, for a commenter's access request.</summary>
public sealed record CommenterExportView(
    string Email, string EmailHash, IReadOnlyList<ModeratedComment> Comments, IReadOnlyList<PoisonMessage> PoisonMessages, IReadOnlyList<SubscriptionRecord> Subscriptions);

/// <summary>A commenter's access and erasure requests, answered by a moderator: export or erase all kept under one email address.</summary>
public sealed class CommenterDataEndpoints(ModeratorAccess access, CommenterData commenterData, CommenterHistory commenters)
{
    public Task<IResult> ExportAsync(HttpRequest request, string email) => access.RunAsync(request, FunctionNames.ExportCommenter, async (moderator, cancellationToken) =>
    {
        if (!IsEmailKey(email))
        {
            return NotAnEmail();
        }

        var export = await commenterData.ExportAsync(email, cancellationToken);
        var history = await commenters.ForEmailAsync(email, cancellationToken);
        return ApiJson.Ok(new CommenterExportView(
            export.Email, export.EmailHash, export.Comments.Select(c => ModeratedComment.From(c, history)).ToArray(), export.PoisonMessages, export.Subscriptions));
    });

    public Task<IResult> EraseAsync(HttpRequest request, string email) => access.RunAsync(request, FunctionNames.EraseCommenter, async (moderator, cancellationToken) =>
        IsEmailKey(email)
            ? ApiJson.Ok(await commenterData.EraseAsync(email, moderator.Name, cancellationToken))
            : NotAnEmail());

    private static bool IsEmailKey(string email) => SubmissionValidator.IsPlausibleEmail(email);

    private static IResult NotAnEmail() => Problems.Invalid("email", "This is not an email address.");
}
