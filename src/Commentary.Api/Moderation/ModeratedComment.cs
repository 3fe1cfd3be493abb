using System.Text.Json.Serialization;

namespace Commentary.Api.Moderation;

public sealed record CommenterSummary(int Approved, int Pending, int Rejected);

/// <summary>
/// The full record a moderator works with, including the commenter's email, the reasons, the commenter's
/// <c>history</c> (in lists) and the comment's own <c>events</c> (in answers about one comment).
/// </summary>
public sealed record ModeratedComment(
    string Slug, string Id, string? ParentId, string Author, string Email, string? Website, string Body, string Html,
    DateTimeOffset Created, string Status, double Score, string Priority, IReadOnlyList<ModerationReason> Reasons, string? IpHash,
    string? ModeratedBy, DateTimeOffset? ModeratedAt, string? StatusNote, [property: JsonPropertyName("etag")] string ETag, CommenterSummary? History,
    IReadOnlyList<CommentEvent>? Events)
{
    /// <summary>For an urgent comment (in lists and answers about one comment): the resources its writer was shown and a reply draft.</summary>
    public CrisisCase? Crisis { get; init; }

    /// <summary>"author" or "moderator" on a reply written from the dashboard.</summary>
    public string? Badge { get; init; }

    public bool Pinned { get; init; }

    public int Helpful { get; init; }

    public static ModeratedComment From(Comment c, CommenterRecord? history, IReadOnlyList<CommentEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Slug, c.Id, c.ParentId, c.Author, c.Email, c.Website, c.Body, CommentBodyRenderer.ToHtml(c.Body),
            c.Created, c.Status.ToWire(), c.Score, c.Priority == CommentPriority.Urgent ? "urgent" : "normal", c.Reasons, c.IpHash, c.ModeratedBy, c.ModeratedAt, c.StatusNote, c.ETag,
            history is null ? null : new CommenterSummary(history.Approved, history.Pending, history.Rejected), events)
        {
            Badge = c.Badge,
            Pinned = c.Pinned,
            Helpful = c.Helpful,
        };
    }
}
