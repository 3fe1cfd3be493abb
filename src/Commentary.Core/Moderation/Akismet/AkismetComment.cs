namespace Commentary.Core.Moderation.Akismet;

/// <summary>What Akismet is told about one comment. The reader's address and browser are known only while queued.</summary>
public sealed record AkismetComment(
    string Author, string Email, string? Website, string Body, DateTimeOffset Created, ClientDetails? Client)
{
    public static AkismetComment From(SubmissionMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Author, message.Email, message.Website, message.Body, message.Submitted, message.Client);
    }

    public static AkismetComment From(Comment comment, ClientDetails? client)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return new(comment.Author, comment.Email, comment.Website, comment.Body, comment.Created, client);
    }
}
