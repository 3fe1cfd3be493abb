using Commentary.Core.Comments;
using Commentary.Core.Moderation;
using Commentary.Core.Storage;

namespace Commentary.Cli.Migration;

/// <summary>
/// Stores imported comments the way the queue function stores submissions: the comment with its article's counts in
/// one transaction, then the moderation and commenter indexes. A comment already stored under its id (an earlier
/// import) is left as it is, whatever a moderator did with it since; only its index entries are re-asserted.
/// </summary>
public sealed class CommentImportWriter
{
    private readonly CommentStore _comments;
    private readonly ModerationIndex _index;
    private readonly CommenterHistory _commenters;

    public CommentImportWriter(StorageClients storage)
    {
        _comments = new CommentStore(storage);
        _index = new ModerationIndex(storage, _comments);
        _commenters = new CommenterHistory(storage);
    }

    /// <summary>True when the comment was stored now; false when it was there already.</summary>
    public async Task<bool> WriteAsync(Comment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var existing = await _comments.FindAsync(comment.Slug, comment.Id, cancellationToken);
        if (existing is not null)
        {
            await IndexAsync(existing, cancellationToken);
            return false;
        }

        var (stored, inserted) = await _comments.InsertAsync(comment, cancellationToken);
        await IndexAsync(stored, cancellationToken);
        return inserted;
    }

    private Task IndexAsync(Comment comment, CancellationToken cancellationToken) =>
        Task.WhenAll(_index.PutAsync(comment, cancellationToken), _commenters.PutAsync(comment, cancellationToken));
}
