namespace Commentary.Core.Comments;

/// <summary>A moderator's decision about one comment.</summary>
public sealed record StatusChange(CommentStatus Status, string Moderator, DateTimeOffset At, string? Note, string? IfMatch)
{
    /// <summary>Change only a comment that has this status now (e.g. re-hold only what is published); otherwise a conflict.</summary>
    public CommentStatus? OnlyFrom { get; init; }

    /// <summary>A reason to add to the comment's reasons, so the moderator sees why it came back.</summary>
    public ModerationReason? AddReason { get; init; }
}
