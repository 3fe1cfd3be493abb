namespace Commentary.Core.Articles;

/// <summary>A published article: front matter plus the Markdown body rendered to HTML.</summary>
public sealed record Article(
    string Slug,
    string Title,
    string Author,
    DateTimeOffset Published,
    DateTimeOffset? Updated,
    string? Summary,
    IReadOnlyList<string> Tags,
    bool CommentsOpen,
    string Html);

/// <summary>An article as stored, with the blob's ETag that identifies this version.</summary>
public sealed record StoredArticle(Article Article, string ETag);
