namespace Commentary.Core.Comments;

/// <summary>
/// An approved comment as the public comment list reads it from storage: only the columns a reader may see, so the
/// email address, the IP hash and the moderation record are never even downloaded on that path.
/// </summary>
public sealed record PublishedComment(string Id, string? ParentId, string Author, string? Website, string Body, DateTimeOffset Created, string ETag)
{
    /// <summary>"author" or "moderator" on a reply from the dashboard; null on readers' comments.</summary>
    public string? Badge { get; init; }

    public bool Pinned { get; init; }

    public int Helpful { get; init; }

    /// <summary>When its writer last edited it; null if never.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>Its writer deleted it; it is listed only as the place its replies answer.</summary>
    public bool DeletedByAuthor { get; init; }
}
