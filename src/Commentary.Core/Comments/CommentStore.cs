namespace Commentary.Core.Comments;

/// <summary>
/// Comments in table <c>Comments</c>. Every write changes the comment and its article's counts in one transaction
/// guarded by ETags (<see cref="ArticleCounter"/>), and every failure is judged by reading back what is stored, so a
/// retried write that had in fact committed is recognised rather than repeated.
/// </summary>
public sealed class CommentStore(StorageClients storage)
{
    private readonly TableClient _table = storage.Comments;
    private readonly ArticleCounter _counter = new(storage.Comments);

    public async Task<Comment?> FindAsync(string slug, string id, CancellationToken cancellationToken)
    {
        return await _table.FindAsync(slug, id, cancellationToken) is { } entity ? CommentEntity.ToComment(entity) : null;
    }

    public async Task<ArticleCounts> CountsAsync(string slug, CancellationToken cancellationToken)
    {
        return await _table.FindAsync(slug, ArticleCounts.RowKey, cancellationToken) is { } entity ? ArticleCounts.FromEntity(entity) : ArticleCounts.None;
    }

    /// <summary>
    /// The article's counts and the ETag of its counter entity. Every write to the article's comments changes that
    /// entity in the same transaction, so the ETag is a version of everything public about them.
    /// </summary>
    public async Task<(ArticleCounts Counts, string? Version)> CounterAsync(string slug, CancellationToken cancellationToken)
    {
        var (counts, etag) = await _counter.ReadAsync(slug, cancellationToken);
        return (counts, etag?.ToString());
    }

    /// <summary>Stores a new comment. Returns the stored comment, or the one already stored under that id (a redelivery).</summary>
    public async Task<(Comment Comment, bool Inserted)> InsertAsync(Comment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var action = new TableTransactionAction(TableTransactionActionType.Add, CommentEntity.From(comment));
        var (committed, written) = await _counter.CommitAsync(comment.Slug, [action], counts => counts.Add(comment.Status, 1),
            async () => await FindAsync(comment.Slug, comment.Id, cancellationToken) is null, cancellationToken);
        // Our own write's answer carries the new ETag, so only a refused insert (a redelivery) needs to read back.
        var stored = (committed && written is { } etag ? comment with { ETag = etag } : null)
            ?? await FindAsync(comment.Slug, comment.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Comment {comment.Id} vanished right after it was stored.");
        return (stored, committed);
    }

    /// <summary>
    /// Stores up to <see cref="MaxBatch"/> new comments of one article in one transaction with its counter (a table
    /// transaction holds at most 100 entities). The transaction is all or nothing: when it is refused because some of
    /// the comments are stored already (an earlier run that was cut short, another run at the same time), those are
    /// left out and the rest tried again. Returns the comments stored now.
    /// </summary>
    public async Task<IReadOnlyList<Comment>> InsertManyAsync(string slug, IReadOnlyList<Comment> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count > MaxBatch || batch.Any(c => c.Slug != slug))
        {
            throw new ArgumentException($"A batch holds at most {MaxBatch} comments, all of article '{slug}'.", nameof(batch));
        }

        var pending = batch;
        while (pending.Count > 0)
        {
            var actions = pending.Select(c => new TableTransactionAction(TableTransactionActionType.Add, CommentEntity.From(c))).ToArray();
            var adding = pending;
            var (committed, _) = await _counter.CommitAsync(slug, actions, counts => adding.Aggregate(counts, (sum, c) => sum.Add(c.Status, 1)),
                async () => (await StoredIdsAsync(slug, adding, cancellationToken)).Count == 0, cancellationToken);
            if (committed)
            {
                return pending;
            }

            var stored = await StoredIdsAsync(slug, pending, cancellationToken);
            pending = pending.Where(c => !stored.Contains(c.Id)).ToArray();
        }

        return [];
    }

    /// <summary>The most comments <see cref="InsertManyAsync"/> writes in one transaction: 100 entities with the counter.</summary>
    public const int MaxBatch = 99;

    // Which of these comments are stored: one query over the range of their ids, keys only.
    private async Task<HashSet<string>> StoredIdsAsync(string slug, IReadOnlyList<Comment> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var first = ids.Min(StringComparer.Ordinal)!;
        var last = ids.Max(StringComparer.Ordinal)!;
        var stored = new HashSet<string>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {slug} and RowKey ge {first} and RowKey le {last}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (ids.Contains(entity.RowKey))
            {
                stored.Add(entity.RowKey);
            }
        }

        return stored;
    }

    /// <summary>Moves a comment to another status, recording who did it and why.</summary>
    public async Task<StoreOutcome> ChangeStatusAsync(string slug, string id, StatusChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var current = await FindAsync(slug, id, cancellationToken);
        if (current is null)
        {
            return StoreOutcome.NotFound;
        }

        if (change.IfMatch is not null && change.IfMatch != current.ETag)
        {
            return StoreOutcome.Conflict(current);
        }

        if (current.Status == change.Status && !change.TakesOverFrom.Contains(current.ModeratedBy ?? string.Empty))
        {
            return StoreOutcome.Unchanged(current);
        }

        if (change.OnlyFrom is { } expected && current.Status != expected)
        {
            return StoreOutcome.Conflict(current);
        }

        // A pin belongs to a published comment: one leaving the list leaves its pin behind, and frees its place.
        var unpin = current.Pinned && change.Status != CommentStatus.Approved;
        var updated = current with
        {
            Status = change.Status,
            ModeratedBy = change.Moderator,
            ModeratedAt = change.At,
            StatusNote = change.Note,
            Reasons = change.AddReason is { } added ? [.. current.Reasons, added] : current.Reasons,
            Pinned = current.Pinned && !unpin,
        };
        var (committed, stored) = await ReplaceAsync(
            current, updated, counts => Unpinned(counts.Add(current.Status, -1).Add(change.Status, 1), unpin), cancellationToken);
        if (stored is null)
        {
            return StoreOutcome.NotFound;
        }

        // Not committed by us, but the stored state is what we asked for: someone (or our own retry) got there first.
        return committed || (stored.Status == change.Status && stored.ModeratedBy == change.Moderator && stored.ModeratedAt == change.At)
            ? StoreOutcome.Changed(stored, current.Status)
            : StoreOutcome.Conflict(stored);
    }

    /// <summary>
    /// Rewrites the reasons of a comment that is still held and unchanged since <paramref name="current"/> was read
    /// (an outside check answered late). Its status, and so its article's counts, stay as they are.
    /// </summary>
    public async Task<StoreOutcome> ReviseHeldReasonsAsync(Comment current, IReadOnlyList<ModerationReason> reasons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Status != CommentStatus.Pending)
        {
            return StoreOutcome.Conflict(current);
        }

        try
        {
            await _table.UpdateEntityAsync(CommentEntity.From(current with { Reasons = reasons }), CommentEntity.ETagOf(current), TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
        {
            var now = await FindAsync(current.Slug, current.Id, cancellationToken);
            return now is null ? StoreOutcome.NotFound : StoreOutcome.Conflict(now);
        }

        var stored = await FindAsync(current.Slug, current.Id, cancellationToken);
        return stored is null ? StoreOutcome.NotFound : StoreOutcome.Changed(stored, current.Status);
    }

    /// <summary>
    /// Replaces a comment that is unchanged since <paramref name="current"/> was read with <paramref name="updated"/>
    /// (its writer's edit or deletion), moving it between the counts when its status changes. Anything written in
    /// between is a conflict: the caller reads again and decides again.
    /// </summary>
    public async Task<StoreOutcome> ReplaceAsync(Comment current, Comment updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        var (committed, stored) = await ReplaceAsync(current, updated, counts => counts.Add(current.Status, -1).Add(updated.Status, 1), cancellationToken);
        return stored is null ? StoreOutcome.NotFound
            : committed ? StoreOutcome.Changed(stored, current.Status)
            : StoreOutcome.Conflict(stored);
    }

    /// <summary>Whether any comment that is published or still awaiting a decision answers this one.</summary>
    public async Task<bool> HasRepliesAsync(string slug, string id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {slug} and RowKey gt {id} and RowKey lt {ArticleCounts.RowKey} and ParentId eq {id} and Status ne {CommentStatus.Rejected.ToWire()}");
        await foreach (var _ in _table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    public async Task<StoreOutcome> DeleteAsync(string slug, string id, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await FindAsync(slug, id, cancellationToken);
        if (current is null)
        {
            return StoreOutcome.NotFound;
        }

        if (ifMatch is not null && ifMatch != current.ETag)
        {
            return StoreOutcome.Conflict(current);
        }

        var action = new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(slug, id), CommentEntity.ETagOf(current));
        var (committed, _) = await _counter.CommitAsync(slug, [action], counts => Unpinned(counts.Add(current.Status, -1), current.Pinned),
            StillAsRead(current, cancellationToken), cancellationToken);
        if (committed)
        {
            return StoreOutcome.Changed(current, current.Status);
        }

        var stored = await FindAsync(slug, id, cancellationToken);
        return stored is null ? StoreOutcome.Changed(current, current.Status) : StoreOutcome.Conflict(stored);
    }

    /// <summary>
    /// Pins or unpins an approved comment. The article's pinned count changes in the same transaction, so the limit
    /// of <paramref name="maxPinned"/> holds however many moderators pin at once.
    /// </summary>
    public async Task<PinOutcome> SetPinnedAsync(string slug, string id, bool pinned, int maxPinned, CancellationToken cancellationToken)
    {
        var current = await FindAsync(slug, id, cancellationToken);
        if (current is null)
        {
            return new PinOutcome(PinOutcomeKind.NotFound, null);
        }

        if (current.Status != CommentStatus.Approved)
        {
            return new PinOutcome(PinOutcomeKind.NotPublished, current);
        }

        if (current.Pinned == pinned)
        {
            return new PinOutcome(PinOutcomeKind.Unchanged, current);
        }

        var updated = current with { Pinned = pinned };
        try
        {
            var (committed, stored) = await ReplaceAsync(current, updated, counts => counts with
            {
                Pinned = pinned
                    ? (counts.Pinned < maxPinned ? counts.Pinned + 1 : throw new PinLimitReachedException())
                    : Math.Max(0, counts.Pinned - 1),
            }, cancellationToken);
            return stored is null ? new PinOutcome(PinOutcomeKind.NotFound, null)
                : committed || stored.Pinned == pinned ? new PinOutcome(PinOutcomeKind.Changed, stored)
                : new PinOutcome(PinOutcomeKind.Conflict, stored);
        }
        catch (PinLimitReachedException)
        {
            return new PinOutcome(PinOutcomeKind.LimitReached, current);
        }
    }

    /// <summary>
    /// Sets the "This helped" count of a comment unchanged since <paramref name="current"/> was read. The article's
    /// counter is written too (with the same counts), so cached pages everywhere see the new count and order.
    /// Returns the stored comment, or null when it changed in between (read it again and count again).
    /// </summary>
    public async Task<Comment?> SetHelpfulAsync(Comment current, int helpful, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var (committed, stored) = await ReplaceAsync(current, current with { Helpful = helpful }, counts => counts, cancellationToken);
        return committed ? stored : null;
    }

    /// <summary>Every approved comment of the article, public columns only: the input of an ordering other than the table's.</summary>
    public async Task<IReadOnlyList<PublishedComment>> ListAllApprovedAsync(string slug, CancellationToken cancellationToken)
    {
        var items = new List<PublishedComment>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(
            ApprovedFilter(slug, null), maxPerPage: 1000, select: PublishedColumns, cancellationToken: cancellationToken))
        {
            items.Add(CommentEntity.ToPublished(entity));
        }

        return items;
    }

    // Replaces a comment read as current (ETag-guarded) with the article's counter; returns what is stored after.
    private async Task<(bool Committed, Comment? Stored)> ReplaceAsync(
        Comment current, Comment updated, Func<ArticleCounts, ArticleCounts> adjust, CancellationToken cancellationToken)
    {
        var action = new TableTransactionAction(TableTransactionActionType.UpdateReplace, CommentEntity.From(updated), CommentEntity.ETagOf(current));
        var (committed, written) = await _counter.CommitAsync(current.Slug, [action], adjust, StillAsRead(current, cancellationToken), cancellationToken);
        return committed && written is { } etag
            ? (true, updated with { ETag = etag })
            : (committed, await FindAsync(current.Slug, current.Id, cancellationToken));
    }

    // Whether a refused write left the comment as it was read, so only the counter raced (see ArticleCounter.CommitAsync).
    private Func<Task<bool>> StillAsRead(Comment current, CancellationToken cancellationToken) =>
        async () => (await FindAsync(current.Slug, current.Id, cancellationToken))?.ETag == current.ETag;

    private static ArticleCounts Unpinned(ArticleCounts counts, bool unpin) =>
        unpin ? counts with { Pinned = Math.Max(0, counts.Pinned - 1) } : counts;

    /// <summary>
    /// A page of approved comments, oldest first, starting after <paramref name="afterId"/>: one request for at most
    /// <paramref name="limit"/> + 1 entities (the one past the page only says whether another page follows), and only
    /// the public columns (<see cref="PublishedColumns"/>).
    /// </summary>
    public async Task<(IReadOnlyList<PublishedComment> Items, string? LastId)> ListApprovedAsync(
        string slug, string? afterId, int limit, CancellationToken cancellationToken)
    {
        var items = new List<PublishedComment>(limit + 1);
        await foreach (var entity in _table.QueryAsync<TableEntity>(
            ApprovedFilter(slug, afterId), maxPerPage: Math.Min(limit + 1, 1000), select: PublishedColumns, cancellationToken: cancellationToken))
        {
            items.Add(CommentEntity.ToPublished(entity));
            if (items.Count > limit)
            {
                break;
            }
        }

        return items.Count > limit ? (items.GetRange(0, limit), items[limit - 1].Id) : (items, null);
    }

    /// <summary>The columns a public page of comments reads.</summary>
    public static IReadOnlyList<string> PublishedColumns => CommentEntity.PublishedColumns;

    /// <summary>The filter of a page of approved comments of one article after <paramref name="afterId"/>.</summary>
    public static string ApprovedFilter(string slug, string? afterId) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {slug} and RowKey gt {afterId ?? string.Empty} and RowKey lt {ArticleCounts.RowKey} and Status eq {CommentStatus.Approved.ToWire()}");

    /// <summary>
    /// Every stored comment, whatever its status, of one article or (with no slug) of all articles, in table order:
    /// by article, then oldest first. For exports: it reads the whole partition or table.
    /// </summary>
    public async IAsyncEnumerable<Comment> AllAsync(string? slug, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = slug is null
            ? TableClient.CreateQueryFilter($"RowKey ne {ArticleCounts.RowKey}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {slug} and RowKey ne {ArticleCounts.RowKey}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return CommentEntity.ToComment(entity);
        }
    }
}
