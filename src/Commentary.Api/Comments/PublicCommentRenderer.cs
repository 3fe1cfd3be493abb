using System.Collections.Concurrent;

namespace Commentary.Api.Comments;

/// <summary>
/// Renders published comments for the public list and remembers each rendering by the comment's stored version
/// (article, id and entity ETag): when a change to an article's comments makes a page be read again, the comments on
/// it that did not change are not rendered again. A write to a comment changes its ETag, so a changed or erased
/// comment is always rendered afresh. Bounded by the characters it holds; when full, it starts again empty.
/// </summary>
public sealed class PublicCommentRenderer(int maxCharacters = PublicCommentRenderer.DefaultMaxCharacters)
{
    /// <summary>About 8 MB of text: thousands of comments of ordinary length.</summary>
    public const int DefaultMaxCharacters = 4_000_000;

    private readonly ConcurrentDictionary<(string Slug, string Id, string ETag), PublicComment> _rendered = new();
    private long _characters;

    public int Count => _rendered.Count;

    public PublicComment[] Render(string slug, IReadOnlyList<PublishedComment> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var rendered = new PublicComment[comments.Count];
        for (var i = 0; i < rendered.Length; i++)
        {
            rendered[i] = Render(slug, comments[i]);
        }

        return rendered;
    }

    private PublicComment Render(string slug, PublishedComment comment)
    {
        // Without a version there is nothing to tell an old rendering from a new one.
        if (comment.ETag.Length == 0)
        {
            return PublicComment.From(comment);
        }

        var key = (slug, comment.Id, comment.ETag);
        if (_rendered.TryGetValue(key, out var known))
        {
            return known;
        }

        var rendered = PublicComment.From(comment);
        long size = rendered.Body.Length + rendered.Html.Length + rendered.Author.Length + (rendered.Website?.Length ?? 0);
        if (Interlocked.Add(ref _characters, size) > maxCharacters)
        {
            _rendered.Clear();
            Interlocked.Exchange(ref _characters, size);
        }

        _rendered[key] = rendered;
        return rendered;
    }
}
