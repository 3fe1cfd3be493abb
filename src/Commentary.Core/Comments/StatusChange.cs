namespace Commentary.Core.Comments;

/// <summary>A moderator's decision about one comment.</summary>
public sealed record StatusChange(CommentStatus Status, string Moderator, DateTimeOffset At, string? Note, string? IfMatch)
{
    /// <summary>Change only a comment that has this status now (e.g. re-hold only what is published); otherwise a conflict.</summary>
    public CommentStatus? OnlyFrom { get; init; }

    /// <summary>A reason to add to the comment's reasons, so the moderator sees why it came back.</summary>
    public ModerationReason? AddReason { get; init; }

    /// <summary>
    /// Deciders whose decision this change takes over when the status is already the one asked for: the comment then
    /// records who decided, when and why anew, and keeps its status. From anyone else, the same status is no change.
    /// </summary>
    public IReadOnlyCollection<string> TakesOverFrom { get; init; } = [];
}
