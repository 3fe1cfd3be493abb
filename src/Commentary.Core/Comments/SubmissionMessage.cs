using System.Text.Json.Serialization;

namespace Commentary.Core.Comments;

/// <summary>One queued comment. It carries the id given at POST time, so redelivery can never create a second comment.</summary>
public sealed record SubmissionMessage(
    int Version,
    string Id,
    string Slug,
    string Author,
    string Email,
    string? Website,
    string Body,
    string? ParentId,
    string? IpHash,
    DateTimeOffset Submitted)
{
    public const int CurrentVersion = 1;

    /// <summary>
    /// The reader's address and browser, carried only when an outside spam check (Akismet) needs them; the message is
    /// the one place they exist: nothing writes them to a table, and the poison view leaves them out.
    /// </summary>
    public ClientDetails? Client { get; init; }

    /// <summary>The reader asked to be emailed when the comment is published (recorded by the worker, <c>Subscriptions</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotifyPublished { get; init; }

    /// <summary>The reader asked to be emailed when someone replies to the comment.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool NotifyReplies { get; init; }

    /// <summary>The SHA-256 of the writer's edit token, stored with the comment (never the token itself).</summary>
    public string? EditTokenHash { get; init; }

    /// <summary>
    /// An edit of the stored comment <see cref="Id"/> by its writer: <see cref="Body"/> is the new text and
    /// <see cref="Submitted"/> the time of the edit, which marks it, so a second copy of the message changes nothing.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Edit { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a message; a message that can never be processed is a <see cref="MalformedMessageException"/>.</summary>
    public static SubmissionMessage Parse(string text)
    {
        SubmissionMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<SubmissionMessage>(text, Json);
        }
        catch (JsonException e)
        {
            throw new MalformedMessageException($"not JSON: {e.Message}", null);
        }

        if (message is null)
        {
            throw new MalformedMessageException("empty message", null);
        }

        if (!CommentId.IsValid(message.Id))
        {
            throw new MalformedMessageException("missing or invalid id", null);
        }

        if (message.Version != CurrentVersion)
        {
            throw new MalformedMessageException($"unknown version {message.Version}", message.Id);
        }

        if (!Articles.Slug.IsValid(message.Slug))
        {
            throw new MalformedMessageException("missing or invalid slug", message.Id);
        }

        var check = SubmissionValidator.Validate(new CommentSubmission(message.Author, message.Email, message.Website, message.Body, message.ParentId));
        if (!check.IsValid)
        {
            throw new MalformedMessageException("invalid fields: " + string.Join(", ", check.Errors.Keys), message.Id);
        }

        return message;
    }
}

/// <summary>What the outside spam check is told about the reader's request.</summary>
public sealed record ClientDetails(string? Ip, string? UserAgent, string? Referrer);

public sealed class MalformedMessageException(string problem, string? commentId) : Exception($"Malformed submission message: {problem}")
{
    public string? CommentId { get; } = commentId;
}
