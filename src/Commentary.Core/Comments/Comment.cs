namespace Commentary.Core.Comments;

/// <summary>A stored comment with everything a moderator may see. Public answers take only the public fields.</summary>
public sealed record Comment
{
    public required string Slug { get; init; }
    public required string Id { get; init; }
    public string? ParentId { get; init; }
    public required string Author { get; init; }
    public required string Email { get; init; }
    public string? Website { get; init; }
    public required string Body { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required CommentStatus Status { get; init; }
    public double Score { get; init; }
    public CommentPriority Priority { get; init; } = CommentPriority.Normal;
    public IReadOnlyList<ModerationReason> Reasons { get; init; } = [];
    public string? IpHash { get; init; }
    public string? ModeratedBy { get; init; }
    public DateTimeOffset? ModeratedAt { get; init; }
    public string? StatusNote { get; init; }
    public string ETag { get; init; } = string.Empty;

    /// <summary>"author" or "moderator" on a reply written from the dashboard (<see cref="CommentBadges"/>); null on readers' comments.</summary>
    public string? Badge { get; init; }

    /// <summary>Listed first among its siblings, labelled "Pinned"; only ever true while the comment is approved.</summary>
    public bool Pinned { get; init; }

    /// <summary>How many readers marked it "This helped": the number of its rows in <c>HelpfulMarks</c>, as last counted.</summary>
    public int Helpful { get; init; }

    /// <summary>The SHA-256 of the writer's edit token (<see cref="EditTokens"/>); null for comments that have none.</summary>
    public string? EditTokenHash { get; init; }

    /// <summary>When its writer last edited it (the edit's request time); null if never.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>Its writer deleted it while it had replies: it stays as a placeholder, without body or website.</summary>
    public bool DeletedByAuthor { get; init; }

    public string EmailHash => CommenterIdentity.EmailHash(Email);
}
