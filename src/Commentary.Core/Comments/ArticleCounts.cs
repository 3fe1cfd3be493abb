namespace Commentary.Core.Comments;

/// <summary>
/// Per-article comment counts. They live in the article's partition of <c>Comments</c> under a reserved RowKey,
/// so a comment and its count always change in one entity-group transaction.
/// </summary>
public sealed record ArticleCounts(int Approved, int Pending, int Rejected)
{
    /// <summary>'~' sorts after every comment id, so the counter never shows up in a range of comments.</summary>
    public const string RowKey = "~counts";

    public static ArticleCounts None { get; } = new(0, 0, 0);

    /// <summary>
    /// How many of the article's comments are pinned. Kept here, in the transaction that pins, so two moderators
    /// pinning at once cannot pass <see cref="Comments.CommentPins.MaxPerArticle"/> between them.
    /// </summary>
    public int Pinned { get; init; }

    public ArticleCounts Add(CommentStatus status, int delta) => status switch
    {
        CommentStatus.Approved => this with { Approved = Approved + delta },
        CommentStatus.Pending => this with { Pending = Pending + delta },
        CommentStatus.Rejected => this with { Rejected = Rejected + delta },
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    internal TableEntity ToEntity(string slug) => new(slug, RowKey)
    {
        ["Approved"] = Approved,
        ["Pending"] = Pending,
        ["Rejected"] = Rejected,
        ["Pinned"] = Pinned,
    };

    internal static ArticleCounts FromEntity(TableEntity entity) => new(
        entity.GetInt32("Approved") ?? 0,
        entity.GetInt32("Pending") ?? 0,
        entity.GetInt32("Rejected") ?? 0)
    {
        Pinned = entity.GetInt32("Pinned") ?? 0,
    };
}
