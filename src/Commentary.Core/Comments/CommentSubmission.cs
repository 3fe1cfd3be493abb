namespace Commentary.Core.Comments;

/// <summary>What a reader posts. Every field may be missing or wrong until <see cref="SubmissionValidator"/> says otherwise.</summary>
public sealed record CommentSubmission(string? Author, string? Email, string? Website, string? Body, string? ParentId)
{
    /// <summary>Email me when this comment is published (off unless asked; only where the site sends commenters mail).</summary>
    public bool? NotifyPublished { get; init; }

    /// <summary>Email me when someone replies to this comment.</summary>
    public bool? NotifyReplies { get; init; }
}

/// <summary>A submission that passed validation, trimmed and ready to queue.</summary>
public sealed record ValidSubmission(string Author, string Email, string? Website, string Body, string? ParentId)
{
    public bool NotifyPublished { get; init; }

    public bool NotifyReplies { get; init; }

    /// <summary>True when the reader asked for any mail with this comment.</summary>
    public bool WantsMail => NotifyPublished || NotifyReplies;
}
