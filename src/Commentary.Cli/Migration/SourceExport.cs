namespace Commentary.Cli.Migration;

/// <summary>Where a comment stood in the system it comes from.</summary>
public enum SourceState
{
    Approved,
    Pending,
    Spam,
    Deleted,
}

/// <summary>A discussion thread of the source system: one page, identified by its URL and the source's own keys.</summary>
/// <param name="Key">The source's id for the thread, which its comments refer to.</param>
/// <param name="Identifiers">Other names the source gives the thread (Disqus identifier, WordPress post id), usable in a map file.</param>
/// <param name="SlugHint">A slug the source itself suggests (WordPress post_name), tried after the URL.</param>
public sealed record SourceThread(string Key, string? Url, string? Title, IReadOnlyList<string> Identifiers, string? SlugHint = null);

/// <summary>One comment as the source exported it, already reduced to plain text.</summary>
/// <param name="Unsupported">Why this entry is not a comment we take (a pingback, say), or null.</param>
public sealed record SourceComment(
    string SourceId,
    string ThreadKey,
    string? ParentSourceId,
    string Author,
    string? Email,
    string? Website,
    string Body,
    DateTimeOffset? Created,
    SourceState State,
    string? IpAddress,
    string? Unsupported = null);

/// <summary>A whole export: which system it came from, its threads by key, and its comments in file order.</summary>
/// <param name="Source">The key prefix and <c>ModeratedBy</c> suffix: <c>disqus</c> or <c>wordpress</c>.</param>
/// <param name="DisplayName">How a person calls the source: Disqus or WordPress.</param>
public sealed record SourceExport(string Source, string DisplayName, IReadOnlyDictionary<string, SourceThread> Threads, IReadOnlyList<SourceComment> Comments);
