namespace Commentary.Core.Moderation;

/// <summary>
/// Comments by status across all articles, urgent first and then newest first, so the moderation queue never scans
/// <c>Comments</c>. PartitionKey = status; RowKey = priority digit (0 urgent, 1 normal) + inverted submission time + id. It is written after the comment itself,
/// so it can lag: every write path re-asserts it and every read checks it against <c>Comments</c> and mends it.
/// </summary>
public sealed class ModerationIndex(StorageClients storage, CommentStore comments)
{
    private const long MaxMilliseconds = 9_999_999_999_999;
    private static readonly CommentStatus[] Statuses = Enum.GetValues<CommentStatus>();
    private readonly TableClient _table = storage.ModerationIndex;

    private static readonly CommentPriority[] Priorities = Enum.GetValues<CommentPriority>();

    public static string RowKey(string id, CommentPriority priority = CommentPriority.Normal) =>
        (priority == CommentPriority.Urgent ? "0" : "1")
        + (MaxMilliseconds - CommentId.Timestamp(id).ToUnixTimeMilliseconds()).ToString("D13", CultureInfo.InvariantCulture) + "_" + id;

    /// <summary>A comment's entry, as every write stores it (internal for the import benchmark's raw loop).</summary>
    internal static TableEntity Entry(Comment comment) =>
        new(comment.Status.ToWire(), RowKey(comment.Id, comment.Priority)) { ["Slug"] = comment.Slug, ["CommentId"] = comment.Id };

    public static bool IsRowKey(string? value) =>
        value is { Length: 41 } && value[0] is '0' or '1' && value[14] == '_' && value[1..14].All(char.IsAsciiDigit) && CommentId.IsValid(value[15..]);

    /// <summary>Records the comment under its status and nowhere else.</summary>
    public async Task PutAsync(Comment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        await _table.UpsertEntityAsync(Entry(comment), TableUpdateMode.Replace, cancellationToken);
        await Task.WhenAll(
            from status in Statuses
            from priority in Priorities
            where status != comment.Status || priority != comment.Priority
            select DeleteQuietlyAsync(status, priority, comment.Id, cancellationToken));
    }

    /// <summary>Records a comment that has just been stored, so is indexed nowhere else yet.</summary>
    public async Task AddAsync(Comment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        await _table.UpsertEntityAsync(Entry(comment), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Records many comments under their statuses in a few transactions (an import). Entries under other statuses are
    /// left to the reads, which mend them.
    /// </summary>
    public Task AddManyAsync(IEnumerable<Comment> comments, CancellationToken cancellationToken) =>
        TableBatches.UpsertAsync(_table, comments.Select(Entry), cancellationToken);

    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        Task.WhenAll(from status in Statuses from priority in Priorities select DeleteQuietlyAsync(status, priority, id, cancellationToken));

    /// <summary>
    /// A page of comments with this status (of one article, if given), urgent first then newest first, checked
    /// against the comments themselves.
    /// </summary>
    public async Task<(IReadOnlyList<Comment> Items, string? Next)> ListAsync(
        CommentStatus status, string? article, string? after, int limit, CancellationToken cancellationToken)
    {
        var filter = article is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {status.ToWire()} and RowKey gt {after ?? string.Empty}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {status.ToWire()} and RowKey gt {after ?? string.Empty} and Slug eq {article}");
        var entries = new List<TableEntity>(limit + 1);
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken))
        {
            entries.Add(entity);
            if (entries.Count > limit)
            {
                break;
            }
        }

        var next = entries.Count > limit ? entries[limit - 1].RowKey : null;
        var page = entries.Take(limit).ToArray();
        var found = await Task.WhenAll(page.Select(e => comments.FindAsync(e.GetString("Slug") ?? string.Empty, e.GetString("CommentId") ?? string.Empty, cancellationToken)));

        var items = new List<Comment>(page.Length);
        var repairs = new List<Task>();
        for (var i = 0; i < page.Length; i++)
        {
            var comment = found[i];
            if (comment is not null && comment.Status == status && RowKey(comment.Id, comment.Priority) == page[i].RowKey)
            {
                items.Add(comment);
            }
            else
            {
                // A stale entry: the comment moved on or was deleted while the index write was lost.
                repairs.Add(comment is null ? RemoveAsync(page[i].GetString("CommentId") ?? string.Empty, cancellationToken) : PutAsync(comment, cancellationToken));
            }
        }

        await Task.WhenAll(repairs);
        return (items, next);
    }

    private async Task DeleteQuietlyAsync(CommentStatus status, CommentPriority priority, string id, CancellationToken cancellationToken)
    {
        if (!CommentId.IsValid(id))
        {
            return;
        }

        try
        {
            await _table.DeleteEntityAsync(status.ToWire(), RowKey(id, priority), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone: the index holds what we want.
        }
    }
}
