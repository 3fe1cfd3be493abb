namespace Commentary.Core.Comments;

/// <summary>What a store write came to.</summary>
public sealed record StoreOutcome(StoreOutcomeKind Kind, Comment? Comment, CommentStatus? PreviousStatus)
{
    public static StoreOutcome NotFound { get; } = new(StoreOutcomeKind.NotFound, null, null);
    public static StoreOutcome Conflict(Comment current) => new(StoreOutcomeKind.Conflict, current, null);
    public static StoreOutcome Unchanged(Comment current) => new(StoreOutcomeKind.Unchanged, current, current.Status);
    public static StoreOutcome Changed(Comment comment, CommentStatus previous) => new(StoreOutcomeKind.Changed, comment, previous);
}

public enum StoreOutcomeKind
{
    NotFound,
    Conflict,
    Unchanged,
    Changed,
}
