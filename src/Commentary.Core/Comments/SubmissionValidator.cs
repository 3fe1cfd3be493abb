using System.Net.Mail;

namespace Commentary.Core.Comments;

/// <summary>Field rules for a posted comment. Errors are keyed by the JSON field name so a form can show them in place.</summary>
public static class SubmissionValidator
{
    public const int AuthorMax = 80;
    public const int EmailMin = 3;
    public const int EmailMax = 254;
    public const int WebsiteMax = 200;
    public const int BodyMin = 2;
    public const int BodyMax = 5000;

    public static ValidationResult Validate(CommentSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var author = Clean(submission.Author);
        var email = Clean(submission.Email);
        var website = Clean(submission.Website);
        var (body, bodyError) = CheckBody(submission.Body);
        var parentId = Clean(submission.ParentId);

        if (author.Length == 0)
        {
            errors["author"] = ["Please give a name."];
        }
        else if (author.Length > AuthorMax)
        {
            errors["author"] = [$"A name can be at most {AuthorMax} characters."];
        }
        else if (author.Any(char.IsControl) || author.Any(IsInvisibleFormatting))
        {
            errors["author"] = ["A name cannot contain control or invisible formatting characters."];
        }

        if (email.Length == 0)
        {
            errors["email"] = ["Please give an email address; it is never shown."];
        }
        else if (email.Length is < EmailMin or > EmailMax || !IsPlausibleEmail(email))
        {
            errors["email"] = ["This does not look like an email address."];
        }

        if (website.Length > 0)
        {
            if (website.Length > WebsiteMax)
            {
                errors["website"] = [$"A website address can be at most {WebsiteMax} characters."];
            }
            else if (website.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || IsInvisibleFormatting(c))
                || !Uri.TryCreate(website, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host)
                || uri.UserInfo.Length > 0)
            {
                errors["website"] = ["A website must be an http:// or https:// address."];
            }
        }

        if (bodyError is not null)
        {
            errors["body"] = [bodyError];
        }

        if (parentId.Length > 0 && !CommentId.IsValid(parentId))
        {
            errors["parentId"] = ["This is not the id of a comment."];
        }

        return errors.Count > 0
            ? ValidationResult.Invalid(errors)
            : ValidationResult.Valid(new ValidSubmission(author, email, website.Length == 0 ? null : website, body!, parentId.Length == 0 ? null : parentId)
            {
                NotifyPublished = submission.NotifyPublished == true,
                NotifyReplies = submission.NotifyReplies == true,
            });
    }

    private static string Clean(string? value) => value?.Trim() ?? string.Empty;

    /// <summary>
    /// A comment's text as it is kept (trimmed, invisible formatting taken out), or why it cannot be: the rules for a new
    /// comment's body and for an edit's new text.
    /// </summary>
    public static (string? Body, string? Error) CheckBody(string? text)
    {
        var body = WithoutInvisibleFormatting(text)?.Trim();
        if (string.IsNullOrEmpty(body) || body.Length < BodyMin)
        {
            return (null, $"A comment needs at least {BodyMin} characters.");
        }

        if (body.Length > BodyMax)
        {
            return (null, $"A comment can be at most {BodyMax} characters.");
        }

        return body.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? (null, "A comment cannot contain control characters.")
            : (body, null);
    }

    /// <summary>
    /// A comment's text without <see cref="IsInvisibleFormatting"/> characters. A body is cleaned, not refused: they
    /// come with text pasted from phones, notes and right-to-left writing, and the writer cannot see them to take them
    /// out, so refusing would turn away a comment (perhaps a cry for help) for something nobody can see. Removed, they
    /// can neither hide words from the moderation rules nor make the text read differently from what it is.
    /// </summary>
    public static string? WithoutInvisibleFormatting(string? text)
    {
        if (text is null || !text.Any(IsInvisibleFormatting))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsInvisibleFormatting(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>
    /// Characters that change how text is displayed without being seen: direction overrides and isolates (which can
    /// make a name or a link read differently from what it is), zero-width spaces and the byte-order mark (which hide
    /// words from filters). Zero-width joiners stay allowed: emoji sequences and some scripts need them.
    /// </summary>
    public static bool IsInvisibleFormatting(char c) =>
        c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200B' or '\u2060' or '\uFEFF' or '\u180E';

    public static bool IsPlausibleEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        if (email.Length is < EmailMin or > EmailMax)
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        if (at < 1 || at == email.Length - 1 || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || IsInvisibleFormatting(c)))
        {
            return false;
        }

        var domain = email[(at + 1)..];
        return domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.')
            && !domain.EndsWith('.')
            && MailAddress.TryCreate(email, out var parsed)
            && parsed.Address == email;
    }
}

public sealed class ValidationResult
{
    private ValidationResult(ValidSubmission? submission, IReadOnlyDictionary<string, string[]> errors)
    {
        Submission = submission;
        Errors = errors;
    }

    public ValidSubmission? Submission { get; }
    public IReadOnlyDictionary<string, string[]> Errors { get; }
    public bool IsValid => Submission is not null;

    public static ValidationResult Valid(ValidSubmission submission) => new(submission, new Dictionary<string, string[]>());
    public static ValidationResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(null, errors);
}
