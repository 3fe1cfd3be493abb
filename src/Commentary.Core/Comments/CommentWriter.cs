using Commentary.Core.Caching;

namespace Commentary.Core.Comments;

/// <summary>Where a stored comment came from, which decides what besides the indexes learns of it.</summary>
public enum CommentOrigin
{
    /// <summary>A reader's comment from the queue: the duplicate and flood rules count it (<see cref="RecentSignals"/>).</summary>
    Submission,

    /// <summary>A comment imported from another system: history, which the duplicate and flood rules do not count.</summary>
    Import,

    /// <summary>A moderator's reply from the dashboard (<see cref="ModeratorReplies"/>): the site's own voice, which the duplicate and flood rules do not count.</summary>
    ModeratorReply,
}

/// <summary>
/// The one write path for a comment. The comment is written first (with its article's counter, in one transaction),
/// then what is derived from it: the moderation index and the commenter's history, which every write re-asserts, so
/// an index left behind by a crash is mended by the next write; and this instance's cached pages of the article, which
/// are dropped so its readers see the change at once (other instances see it within their freshness window). A deleted
/// comment leaves a tombstone first, so that no import brings it back.
/// </summary>
public sealed class CommentWriter(
    CommentStore comments,
    ModerationIndex moderationIndex,
    CommenterHistory commenters,
    RecentSignals recentSignals,
    CommentPageCache pages,
    Tombstones tombstones,
    TimeProvider clock)
{
    /// <summary>A writer for a one-shot tool (the CLI): its own stores over <paramref name="storage"/>, and a page cache no one reads.</summary>
    public static CommentWriter Over(StorageClients storage)
    {
        var comments = new CommentStore(storage);
        var commenters = new CommenterHistory(storage);
        return new CommentWriter(
            comments, new ModerationIndex(storage, comments), commenters, new RecentSignals(storage, commenters), new CommentPageCache(comments, Freshness.Never),
            new Tombstones(storage), TimeProvider.System);
    }

    /// <summary>
    /// Stores a comment under its id unless one is there already. Returns the comment stored under the id (this one,
    /// or the one stored before) and whether it was stored now; either way the indexes are brought in line with it.
    /// </summary>
    public async Task<(Comment Comment, bool Inserted)> InsertAsync(Comment comment, CommentOrigin origin, CancellationToken cancellationToken)
    {
        var (stored, inserted) = await comments.InsertAsync(comment, cancellationToken);
        if (inserted)
        {
            // An approved comment is public now; even a held one changes the counter the cached pages are keyed on.
            pages.Invalidate(stored.Slug);
        }

        await IndexAsync(stored, inserted, origin, cancellationToken);
        return (stored, inserted);
    }

    /// <summary>Brings the indexes in line with a comment that was stored before (a redelivered message, an import run again).</summary>
    public Task ReassertAsync(Comment existing, CommentOrigin origin, CancellationToken cancellationToken) =>
        IndexAsync(existing, fresh: false, origin, cancellationToken);

    /// <summary>
    /// Imports comments of one article that another system stored (<see cref="CommentOrigin.Import"/>): those not
    /// stored yet go in transactions of up to <see cref="CommentStore.MaxBatch"/> with the article's counter, oldest
    /// first, each followed by their index entries in a few transactions; those stored before (an earlier run, perhaps
    /// cut short between a comment and its index) have their index entries re-asserted. <paramref name="progress"/>
    /// hears how many comments each step dealt with. Returns the ids stored now.
    /// </summary>
    public async Task<IReadOnlySet<string>> ImportAsync(
        string slug, IReadOnlyCollection<Comment> imported, Action<int> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(imported);
        ArgumentNullException.ThrowIfNull(progress);
        var stored = new Dictionary<string, Comment>(StringComparer.Ordinal);
        await foreach (var comment in comments.AllAsync(slug, cancellationToken))
        {
            stored[comment.Id] = comment;
        }

        var before = imported.Where(c => stored.ContainsKey(c.Id)).Select(c => stored[c.Id]).ToArray();
        if (before.Length > 0)
        {
            await IndexManyAsync(before, cancellationToken);
            progress(before.Length);
        }

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in imported.Where(c => !stored.ContainsKey(c.Id)).OrderBy(c => c.Id, StringComparer.Ordinal).Chunk(CommentStore.MaxBatch))
        {
            var now = await comments.InsertManyAsync(slug, batch, cancellationToken);
            if (now.Count > 0)
            {
                pages.Invalidate(slug);
            }

            // A comment another run stored in between is the same comment (derived from the same source): index it too.
            await IndexManyAsync(batch, cancellationToken);
            inserted.UnionWith(now.Select(c => c.Id));
            progress(batch.Length);
        }

        return inserted;
    }

    /// <summary>Changes a comment's status; a comment found unchanged still has its indexes re-asserted.</summary>
    public async Task<StoreOutcome> ChangeStatusAsync(string slug, string id, StatusChange change, CancellationToken cancellationToken)
    {
        var outcome = await comments.ChangeStatusAsync(slug, id, change, cancellationToken);
        if (outcome.Kind == StoreOutcomeKind.Changed)
        {
            pages.Invalidate(slug);
        }

        if (outcome is { Kind: StoreOutcomeKind.Changed or StoreOutcomeKind.Unchanged, Comment: { } comment })
        {
            await Task.WhenAll(moderationIndex.PutAsync(comment, cancellationToken), commenters.PutAsync(comment, cancellationToken));
        }

        return outcome;
    }

    /// <summary>
    /// Replaces a held comment's reasons. Its status stays, so does the commenter's history; the counter is not
    /// touched, so cached pages stay valid.
    /// </summary>
    public async Task<StoreOutcome> ReviseHeldReasonsAsync(Comment current, IReadOnlyList<ModerationReason> reasons, CancellationToken cancellationToken)
    {
        var outcome = await comments.ReviseHeldReasonsAsync(current, reasons, cancellationToken);
        if (outcome is { Kind: StoreOutcomeKind.Changed, Comment: { } revised })
        {
            await moderationIndex.PutAsync(revised, cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Replaces a comment unchanged since <paramref name="current"/> was read (its writer's edit, or the placeholder
    /// its deletion leaves), then brings the indexes and this instance's cached pages in line with it.
    /// </summary>
    public async Task<StoreOutcome> ReviseAsync(Comment current, Comment updated, CancellationToken cancellationToken)
    {
        var outcome = await comments.ReplaceAsync(current, updated, cancellationToken);
        if (outcome is { Kind: StoreOutcomeKind.Changed, Comment: { } revised })
        {
            pages.Invalidate(revised.Slug);
            await Task.WhenAll(moderationIndex.PutAsync(revised, cancellationToken), commenters.PutAsync(revised, cancellationToken));
        }

        return outcome;
    }

    /// <summary>Deletes a comment and its index entries, leaving a tombstone (written first) that imports honour.</summary>
    public async Task<StoreOutcome> DeleteAsync(string slug, string id, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await comments.FindAsync(slug, id, cancellationToken);
        if (current is null)
        {
            return StoreOutcome.NotFound;
        }

        if (ifMatch is null || ifMatch == current.ETag)
        {
            await tombstones.RecordDeletedAsync(slug, id, clock.GetUtcNow(), cancellationToken);
        }

        var outcome = await comments.DeleteAsync(slug, id, ifMatch, cancellationToken);
        if (outcome is { Kind: StoreOutcomeKind.Changed, Comment: { } deleted })
        {
            pages.Invalidate(slug);
            await Task.WhenAll(moderationIndex.RemoveAsync(id, cancellationToken), commenters.RemoveAsync(deleted, cancellationToken));
        }

        return outcome;
    }

    private Task IndexManyAsync(IEnumerable<Comment> indexed, CancellationToken cancellationToken)
    {
        var list = indexed.ToArray();
        return Task.WhenAll(moderationIndex.AddManyAsync(list, cancellationToken), commenters.PutManyAsync(list, cancellationToken));
    }

    /// <summary>
    /// A comment stored by this write (<paramref name="fresh"/>) has no index entry anywhere yet, so its entry is only
    /// written; one stored before may have been moved by a moderator in between, so stale entries are removed too.
    /// </summary>
    private Task IndexAsync(Comment comment, bool fresh, CommentOrigin origin, CancellationToken cancellationToken) =>
        Task.WhenAll(
            fresh ? moderationIndex.AddAsync(comment, cancellationToken) : moderationIndex.PutAsync(comment, cancellationToken),
            commenters.PutAsync(comment, cancellationToken),
            origin == CommentOrigin.Submission ? recentSignals.RecordAsync(comment, cancellationToken) : Task.CompletedTask);
}
