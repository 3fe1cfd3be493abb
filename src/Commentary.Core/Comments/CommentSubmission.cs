namespace Commentary.Core.Comments;

/// <summary>What a reader posts. Every field may be missing or wrong until <see cref="SubmissionValidator"/> says otherwise.</summary>
public sealed record CommentSubmission(string? Author, string? Email, string? Website, string? Body, string? ParentId);

/// <summary>A submission that passed validation, trimmed and ready to queue.</summary>
public sealed record ValidSubmission(string Author, string Email, string? Website, string Body, string? ParentId);
