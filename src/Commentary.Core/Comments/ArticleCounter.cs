using System.Collections.Concurrent;

namespace Commentary.Core.Comments;

/// <summary>
/// The counter entity of each article (row <see cref="ArticleCounts.RowKey"/> in its partition) and the one way to
/// write comments: together with the counter, in one transaction guarded by its ETag, so the counts never drift
/// from the comments they count.
/// </summary>
internal sealed class ArticleCounter(TableClient table)
{
    private const int MaxAttempts = 10;
    private readonly PartitionLocks _partitionLocks = new();
    private readonly ConcurrentDictionary<string, (ArticleCounts Counts, ETag? ETag)> _known = new(StringComparer.Ordinal);

    /// <summary>
    /// Commits the comment actions together with the article's counts. Returns false when a comment action itself
    /// was refused (<paramref name="commentUnchanged"/> says whether the comment is still as we read it; if it is,
    /// only the counter raced and we try again). A committed add or update also returns the comment's new ETag.
    /// </summary>
    public async Task<(bool Committed, string? CommentETag)> CommitAsync(
        string slug,
        IReadOnlyList<TableTransactionAction> commentActions,
        Func<ArticleCounts, ArticleCounts> adjust,
        Func<Task<bool>> commentUnchanged,
        CancellationToken cancellationToken)
    {
        using var turn = await _partitionLocks.EnterAsync(slug, cancellationToken);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // After our own last write we know the counter's state; another instance may have moved it since,
            // in which case the ETag check fails and we read it afresh.
            var (current, etag) = attempt == 1 && _known.TryGetValue(slug, out var known)
                ? known
                : await ReadAsync(slug, cancellationToken);
            var counts = adjust(current);
            var counterAction = etag is { } version
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counts.ToEntity(slug), version)
                : new TableTransactionAction(TableTransactionActionType.Add, counts.ToEntity(slug));
            try
            {
                var response = await table.SubmitTransactionAsync([.. commentActions, counterAction], cancellationToken);
                if (response.Value.Count > commentActions.Count && response.Value[commentActions.Count].Headers.ETag is { } written)
                {
                    _known[slug] = (counts, written);
                }
                else
                {
                    _known.TryRemove(slug, out _);
                }

                return (true, response.Value.Count > 0 ? response.Value[0].Headers.ETag?.ToString() : null);
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
            {
                _known.TryRemove(slug, out _);
                if (!await commentUnchanged())
                {
                    return (false, null);
                }
            }
        }

        throw new RequestFailedException((int)HttpStatusCode.ServiceUnavailable, $"The comment counts of '{slug}' are too busy to update; try again.");
    }

    /// <summary>The article's counts as stored, and the ETag of its counter entity (none before its first comment).</summary>
    public async Task<(ArticleCounts Counts, ETag? ETag)> ReadAsync(string slug, CancellationToken cancellationToken)
    {
        return await table.FindAsync(slug, ArticleCounts.RowKey, cancellationToken) is { } counter
            ? (ArticleCounts.FromEntity(counter), counter.ETag)
            : (ArticleCounts.None, null);
    }
}
