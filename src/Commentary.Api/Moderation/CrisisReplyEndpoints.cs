using Commentary.Core.Moderation.Policy;

namespace Commentary.Api.Moderation;

/// <summary>The moderator's edit of the reply draft; what is left out comes from the settings' template.</summary>
public sealed record PrivateReplyRequest(string? Subject, string? Text);

/// <summary>
/// "Reply privately with resources": an email to the writer of an urgent comment, from the settings' template (or the
/// moderator's edit of it), recorded in the comment's history. Only ever sent because a moderator asked.
/// </summary>
public sealed class CrisisReplyEndpoints(ModeratorAccess access, CommentStore comments, CommentEvents events, CrisisSupport crisis, PolicyProvider policies)
{
    public Task<IResult> ReplyAsync(HttpRequest request, string slug, string id) => access.RunAsync(request, FunctionNames.ReplyPrivately, async (moderator, cancellationToken) =>
    {
        var (body, problem) = await ModeratorAnswers.ReadAboutCommentAsync<PrivateReplyRequest>(request, slug, id, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body?.Subject is { } subject && (string.IsNullOrWhiteSpace(subject) || subject.Length > CrisisReplyTemplate.MaxSubject || subject.Any(char.IsControl)))
        {
            errors["subject"] = [$"A subject is 1 to {CrisisReplyTemplate.MaxSubject} characters on one line."];
        }

        if (body?.Text is { } text && (string.IsNullOrWhiteSpace(text) || text.Length > CrisisReplyTemplate.MaxText))
        {
            errors["text"] = [$"The message is 1 to {CrisisReplyTemplate.MaxText} characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var comment = await comments.FindAsync(slug, id, cancellationToken);
        if (comment is null)
        {
            return ModeratorAnswers.NoSuchComment();
        }

        if (!CrisisSupport.IsInCrisisLane(comment))
        {
            return Problems.NotInCrisisLane();
        }

        if (!crisis.CanSendMail)
        {
            return Problems.MailNotConfigured();
        }

        var settings = (await policies.CurrentSettingsAsync(cancellationToken)).CrisisResources;
        var draft = (await crisis.CaseAsync(comment, null, settings, moderator.Name, cancellationToken)).Reply;
        var reply = new CrisisReplyDraft(body?.Subject?.Trim() ?? draft.Subject, body?.Text ?? draft.Text);
        try
        {
            await crisis.SendReplyAsync(comment, reply, moderator.Name, cancellationToken);
        }
        catch (MailDeliveryException)
        {
            return Problems.MailNotDelivered();
        }

        var log = await events.ListAsync(slug, id, cancellationToken);
        // The comment is in the crisis lane (checked above), so its record always carries the case, now with the reply in its history.
        return ApiJson.Ok(ModeratedComment.From(comment, null, log) with { Crisis = await crisis.CaseAsync(comment, log, settings, moderator.Name, cancellationToken) });
    });
}
