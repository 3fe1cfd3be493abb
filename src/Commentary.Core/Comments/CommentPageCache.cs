using System.Collections.Concurrent;
using Commentary.Core.Caching;

namespace Commentary.Core.Comments;

/// <summary>
/// Pages of approved comments and comment counts, answered from memory. Each cached page remembers the version
/// (ETag) of its article's counter entity, which every comment write changes in the same transaction as the comment.
/// A page is served while that version holds: the counter is checked at most once per
/// <see cref="ReadCacheOptions.FreshFor"/>, with a one-entity read, so changes made by another instance show within
/// that time. Changes made by this instance call <see cref="Invalidate"/> and show at once. Readers who miss at the
/// same moment share their storage reads (<see cref="ReadCoalescer{TKey, TValue}"/>), so a burst of readers after a
/// change costs a couple of reads, not one per reader.
/// </summary>
public sealed class CommentPageCache(CommentStore store, Freshness freshness)
{
    // Bounds on memory: a crawler walking every page of every article must not grow the cache without limit.
    private const int MaxPagesPerArticle = 64;
    private const int MaxArticles = 10_000;
    private readonly ConcurrentDictionary<string, ArticleEntry> _articles = new(StringComparer.Ordinal);
    private readonly ReadCoalescer<string, (ArticleCounts Counts, string? Version)> _counterReads = new();
    private readonly ReadCoalescer<(string Slug, PageKey Page), (IReadOnlyList<PublishedComment> Items, string? LastId)> _pageReads = new();

    /// <summary>The article's counts, confirmed by storage within the freshness window.</summary>
    public async Task<CounterSnapshot> CountsAsync(string slug, CancellationToken cancellationToken)
    {
        var entry = EntryFor(slug);
        return entry.Counter is { } known && freshness.IsFresh(known.ConfirmedAt)
            ? known
            : await ReadCounterAsync(slug, entry, entry.Generation, cancellationToken);
    }

    /// <summary>A page of approved comments, oldest first, starting after <paramref name="afterId"/>.</summary>
    public Task<ApprovedPage> PageAsync(string slug, string? afterId, int limit, CancellationToken cancellationToken) =>
        PageAsync(slug, CommentSort.Oldest, afterId, limit, cancellationToken);

    /// <summary>
    /// A page of approved comments in the reader's order (<see cref="CommentOrdering"/>), starting after
    /// <paramref name="afterId"/>. The oldest-first order of an article with no pinned comment is the table's own,
    /// read a page at a time; any other order reads the article's approved comments and orders them, once per
    /// version of the article and page, as every page is cached.
    /// </summary>
    public async Task<ApprovedPage> PageAsync(string slug, CommentSort sort, string? afterId, int limit, CancellationToken cancellationToken)
    {
        var entry = EntryFor(slug);
        var generation = entry.Generation;
        var counter = entry.Counter is { } known && freshness.IsFresh(known.ConfirmedAt)
            ? known
            : await ReadCounterAsync(slug, entry, generation, cancellationToken);
        var key = new PageKey(afterId, limit, sort);
        if (entry.Pages.TryGetValue(key, out var cached) && cached.Version == counter.Version)
        {
            return cached;
        }

        // Read after the counter, so the page is at least as new as the version it is filed under: a version can
        // only ever name an older page, never a newer one, and the next check of the counter replaces it.
        var tableOrder = sort == CommentSort.Oldest && counter.Counts.Pinned == 0;
        var (items, lastId) = await _pageReads.ReadAsync((slug, key), async ct => tableOrder
            ? await store.ListApprovedAsync(slug, afterId, limit, ct)
            : CommentOrdering.Page(CommentOrdering.Order(await store.ListAllApprovedAsync(slug, ct), sort), afterId, limit), cancellationToken);
        var page = new ApprovedPage(items, lastId, counter.Counts.Approved, counter.Version);
        entry.TryAddPage(key, page, generation);
        return page;
    }

    /// <summary>Forgets everything cached for the article; call it after any change to its comments.</summary>
    public void Invalidate(string slug)
    {
        if (_articles.TryGetValue(slug, out var entry))
        {
            entry.Invalidate();
        }
    }

    /// <summary>Callers sharing a read of the article's counter that is under way (for tests).</summary>
    internal int CounterReadsJoined(string slug) => _counterReads.Joined(slug);

    private async Task<CounterSnapshot> ReadCounterAsync(string slug, ArticleEntry entry, long generation, CancellationToken cancellationToken)
    {
        var askedAt = freshness.Now();
        var (counts, version) = await _counterReads.ReadAsync(slug, ct => store.CounterAsync(slug, ct), cancellationToken);
        var snapshot = new CounterSnapshot(counts, version, askedAt);
        entry.TrySetCounter(snapshot, generation);
        return snapshot;
    }

    private ArticleEntry EntryFor(string slug)
    {
        if (_articles.TryGetValue(slug, out var entry))
        {
            return entry;
        }

        if (_articles.Count >= MaxArticles)
        {
            _articles.Clear();
        }

        return _articles.GetOrAdd(slug, _ => new ArticleEntry());
    }

    private readonly record struct PageKey(string? AfterId, int Limit, CommentSort Sort);

    /// <summary>
    /// One article's cached state. The generation goes up on every invalidation; a read that started before one
    /// must not store what it found, because it may predate the change.
    /// </summary>
    private sealed class ArticleEntry
    {
        private readonly Lock _gate = new();
        private long _generation;

        public long Generation => Interlocked.Read(ref _generation);
        public CounterSnapshot? Counter { get; private set; }
        public ConcurrentDictionary<PageKey, ApprovedPage> Pages { get; } = new();

        public void Invalidate()
        {
            lock (_gate)
            {
                Interlocked.Increment(ref _generation);
                Counter = null;
                Pages.Clear();
            }
        }

        public void TrySetCounter(CounterSnapshot counter, long generation)
        {
            lock (_gate)
            {
                if (_generation == generation)
                {
                    Counter = counter;
                }
            }
        }

        public void TryAddPage(PageKey key, ApprovedPage page, long generation)
        {
            lock (_gate)
            {
                if (_generation != generation)
                {
                    return;
                }

                if (Pages.Count >= MaxPagesPerArticle)
                {
                    Pages.Clear();
                }

                Pages[key] = page;
            }
        }
    }
}

/// <summary>An article's counts as storage last confirmed them, with the counter entity's ETag.</summary>
public sealed record CounterSnapshot(ArticleCounts Counts, string? Version, long ConfirmedAt);

/// <summary>A page of approved comments and the counter version it was read under.</summary>
public sealed record ApprovedPage(IReadOnlyList<PublishedComment> Items, string? LastId, int Total, string? Version);
