namespace Commentary.Core.Moderation;

/// <summary>How soon a moderator should look: urgent comments (crisis language) come first in every list.</summary>
public enum CommentPriority
{
    Normal,
    Urgent,
}

/// <summary>The policy's verdict, with a score (higher is more suspect), a priority and every reason a moderator needs.</summary>
public sealed record ModerationDecision(CommentStatus Status, double Score, IReadOnlyList<ModerationReason> Reasons)
{
    public CommentPriority Priority { get; init; } = CommentPriority.Normal;
}

/// <summary>What the policy looks at: the comment, what we know about its author, and what the store has seen lately.</summary>
public sealed record ModerationInput(string Author, string Email, string? Website, string Body, CommenterRecord History)
{
    public ModerationSignals Signals { get; init; } = ModerationSignals.None;

    /// <summary>The learned classifier's scores for the body; null when nobody asked it (the rules alone decide).</summary>
    public Classifier.ClassifierVerdict? Classifier { get; init; }
}

/// <summary>
/// Facts the processor loads from storage before it asks the policy, so the policy itself stays pure:
/// whether the same (normalised) body was posted in the last 24 hours, how many comments came from this email and
/// this IP hash in the flood window, and whether either is banned.
/// </summary>
public sealed record ModerationSignals(bool DuplicateBody, int RecentFromEmail, int RecentFromIp, string? BanReason)
{
    public static ModerationSignals None { get; } = new(false, 0, 0, null);
}
