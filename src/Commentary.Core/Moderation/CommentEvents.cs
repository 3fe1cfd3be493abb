namespace Commentary.Core.Moderation;

/// <summary>One entry in a comment's history: when, what kind of thing happened, who did it, and why.</summary>
public sealed record CommentEvent(DateTimeOffset At, string Kind, string By, string? Detail);

/// <summary>The kinds of <see cref="CommentEvent"/>; stored with each event, so part of the contract.</summary>
public static class CommentEventKinds
{
    public const string Submitted = "submitted";
    public const string Decided = "decided";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Spam = "spam";
    public const string Reported = "reported";
    public const string Reheld = "reheld";
    public const string ResourcesShown = "resources-shown";
    public const string PrivateReply = "private-reply";
    public const string Pinned = "pinned";
    public const string Unpinned = "unpinned";

    /// <summary>Its writer replaced the text; the event's detail is the text before the edit.</summary>
    public const string Edited = "edited";

    /// <summary>Its writer deleted it, and it stays as a placeholder for its replies.</summary>
    public const string AuthorDeleted = "author-deleted";
}

/// <summary>
/// Each comment's append-only history in its own table <c>CommentHistory</c>: PartitionKey = slug, RowKey =
/// <c>{id}_{ticks}_{suffix}</c>, so one prefix query returns a comment's events oldest first. A separate table keeps
/// these rows out of every <c>Comments</c> query and count.
/// </summary>
public sealed class CommentEvents(StorageClients storage)
{
    private readonly TableClient _table = storage.CommentHistory;

    public async Task AppendAsync(string slug, string id, CommentEvent entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // A random suffix: two events in the same tick (a bulk action) must not overwrite each other.
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        await AppendAsync(slug, id, entry, suffix, cancellationToken);
    }

    /// <summary>Appends under a fixed suffix, so writing the same event again (a redelivery) keeps one copy.</summary>
    public async Task AppendAsync(string slug, string id, CommentEvent entry, string suffix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _table.UpsertEntityAsync(ToEntity(slug, id, entry, suffix), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>
    /// Appends several events, each under its fixed suffix, in one request: they share the article's partition, so
    /// they go in one transaction and are written all together or not at all.
    /// </summary>
    public async Task AppendAllAsync(string slug, string id, IEnumerable<(CommentEvent Entry, string Suffix)> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var actions = entries.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(slug, id, e.Entry, e.Suffix))).ToList();
        await _table.SubmitTransactionAsync(actions, cancellationToken);
    }

    private static TableEntity ToEntity(string slug, string id, CommentEvent entry, string suffix) =>
        new(slug, RowKey(id, entry.At, suffix))
        {
            ["At"] = entry.At,
            ["Kind"] = entry.Kind,
            ["By"] = entry.By,
            ["Detail"] = entry.Detail,
        };

    /// <summary>The comment's events, oldest first.</summary>
    public async Task<IReadOnlyList<CommentEvent>> ListAsync(string slug, string id, CancellationToken cancellationToken)
    {
        var events = new List<CommentEvent>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(InComment(slug, id), cancellationToken: cancellationToken))
        {
            events.Add(new CommentEvent(
                entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue, entity.GetString("Kind") ?? string.Empty,
                entity.GetString("By") ?? string.Empty, entity.GetString("Detail")));
        }

        return events;
    }

    /// <summary>Takes back events appended under fixed suffixes (their change did not happen after all).</summary>
    public async Task RemoveAsync(string slug, string id, IEnumerable<(DateTimeOffset At, string Suffix)> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var actions = entries.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(slug, RowKey(id, e.At, e.Suffix)), ETag.All)).ToList();
        await _table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>Forgets the comment's history (the comment itself is gone).</summary>
    public async Task RemoveAllAsync(string slug, string id, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(InComment(slug, id), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }

        foreach (var batch in keys.Chunk(100))
        {
            await _table.SubmitTransactionAsync(
                batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(slug, k), ETag.All)), cancellationToken);
        }
    }

    internal static string RowKey(string id, DateTimeOffset at, string suffix) =>
        $"{id}_{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}_{suffix}";

    // Every key of this comment starts with "{id}_"; '`' is the character after '_', so it ends the range.
    private static string InComment(string slug, string id) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {slug} and RowKey gt {id + "_"} and RowKey lt {id + "`"}");
}
