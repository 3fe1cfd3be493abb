using Commentary.Core.Comments;

namespace Commentary.Core.Moderation;

/// <summary>The policy's verdict, with a score (higher is more suspect) and every reason a moderator needs to see.</summary>
public sealed record ModerationDecision(CommentStatus Status, double Score, IReadOnlyList<ModerationReason> Reasons);

/// <summary>What the policy looks at: the comment and what we know about its author.</summary>
public sealed record ModerationInput(string Author, string Email, string? Website, string Body, CommenterRecord History);
