namespace Commentary.Core.Comments;

/// <summary>How a comment is laid out in table <c>Comments</c>: PartitionKey = slug, RowKey = id.</summary>
internal static class CommentEntity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TableEntity From(Comment comment) => new(comment.Slug, comment.Id)
    {
        ["ParentId"] = comment.ParentId,
        ["Author"] = comment.Author,
        ["Email"] = comment.Email,
        ["EmailHash"] = comment.EmailHash,
        ["Website"] = comment.Website,
        ["Body"] = comment.Body,
        ["Created"] = comment.Created,
        ["Status"] = comment.Status.ToWire(),
        ["Score"] = comment.Score,
        ["Priority"] = comment.Priority == CommentPriority.Urgent ? "urgent" : "normal",
        ["Reasons"] = JsonSerializer.Serialize(comment.Reasons, Json),
        ["IpHash"] = comment.IpHash,
        ["ModeratedBy"] = comment.ModeratedBy,
        ["ModeratedAt"] = comment.ModeratedAt,
        ["StatusNote"] = comment.StatusNote,
        ["Badge"] = comment.Badge,
        ["Pinned"] = comment.Pinned,
        ["Helpful"] = comment.Helpful,
        ["EditTokenHash"] = comment.EditTokenHash,
        ["EditedAt"] = comment.EditedAt,
        ["DeletedByAuthor"] = comment.DeletedByAuthor ? true : null,
    };

    public static Comment ToComment(TableEntity entity)
    {
        var status = CommentStatusNames.TryParse(entity.GetString("Status"), out var parsed) ? parsed : CommentStatus.Pending;
        var reasons = entity.GetString("Reasons") is { Length: > 0 } json
            ? JsonSerializer.Deserialize<ModerationReason[]>(json, Json) ?? []
            : [];
        return new Comment
        {
            Slug = entity.PartitionKey,
            Id = entity.RowKey,
            ParentId = entity.GetString("ParentId"),
            Author = entity.GetString("Author") ?? string.Empty,
            Email = entity.GetString("Email") ?? string.Empty,
            Website = entity.GetString("Website"),
            Body = entity.GetString("Body") ?? string.Empty,
            Created = entity.GetDateTimeOffset("Created") ?? CommentId.Timestamp(entity.RowKey),
            Status = status,
            Score = entity.GetDouble("Score") ?? 0,
            Priority = entity.GetString("Priority") == "urgent" ? CommentPriority.Urgent : CommentPriority.Normal,
            Reasons = reasons,
            IpHash = entity.GetString("IpHash"),
            ModeratedBy = entity.GetString("ModeratedBy"),
            ModeratedAt = entity.GetDateTimeOffset("ModeratedAt"),
            StatusNote = entity.GetString("StatusNote"),
            ETag = entity.ETag.ToString(),
            Badge = entity.GetString("Badge"),
            Pinned = entity.GetBoolean("Pinned") ?? false,
            Helpful = entity.GetInt32("Helpful") ?? 0,
            EditTokenHash = entity.GetString("EditTokenHash"),
            EditedAt = entity.GetDateTimeOffset("EditedAt"),
            DeletedByAuthor = entity.GetBoolean("DeletedByAuthor") == true,
        };
    }

    /// <summary>The columns <see cref="ToPublished"/> reads: what a public comment list shows, nothing else.</summary>
    public static IReadOnlyList<string> PublishedColumns { get; } = ["RowKey", "ParentId", "Author", "Website", "Body", "Created", "Badge", "Pinned", "Helpful", "EditedAt", "DeletedByAuthor"];

    public static PublishedComment ToPublished(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("ParentId"),
        entity.GetString("Author") ?? string.Empty,
        entity.GetString("Website"),
        entity.GetString("Body") ?? string.Empty,
        entity.GetDateTimeOffset("Created") ?? CommentId.Timestamp(entity.RowKey),
        entity.ETag.ToString())
    {
        Badge = entity.GetString("Badge"),
        Pinned = entity.GetBoolean("Pinned") ?? false,
        Helpful = entity.GetInt32("Helpful") ?? 0,
        EditedAt = entity.GetDateTimeOffset("EditedAt"),
        DeletedByAuthor = entity.GetBoolean("DeletedByAuthor") == true,
    };

    public static ETag ETagOf(Comment comment) => new(comment.ETag);
}
