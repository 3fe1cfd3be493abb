namespace Commentary.Core.Moderation;

/// <summary>How many of a commenter's comments were approved, are pending or were rejected.</summary>
public sealed record CommenterRecord(int Approved, int Pending, int Rejected)
{
    public static CommenterRecord None { get; } = new(0, 0, 0);
    public bool HasApproved => Approved > 0;
}

/// <summary>
/// Each commenter's comments by email hash (PartitionKey) and comment id (RowKey). Writes are idempotent upserts,
/// so a redelivered message or a retried action never counts a comment twice.
/// </summary>
public sealed class CommenterHistory(StorageClients storage)
{
    private readonly TableClient _table = storage.CommenterIndex;

    public async Task PutAsync(Comment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        await _table.UpsertEntityAsync(Entry(comment), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Records many comments in a few transactions, one per commenter and 100 comments (an import).</summary>
    public Task PutManyAsync(IEnumerable<Comment> comments, CancellationToken cancellationToken) =>
        TableBatches.UpsertAsync(_table, comments.Select(Entry), cancellationToken);

    /// <summary>A comment's entry, as every write stores it (internal for the import benchmark's raw loop).</summary>
    internal static TableEntity Entry(Comment comment) =>
        new(comment.EmailHash, comment.Id) { ["Slug"] = comment.Slug, ["Status"] = comment.Status.ToWire() };

    public async Task RemoveAsync(Comment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        try
        {
            await _table.DeleteEntityAsync(comment.EmailHash, comment.Id, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Nothing to forget.
        }
    }

    /// <summary>Where each of this commenter's comments is: (slug, id) pairs, oldest first.</summary>
    public async Task<IReadOnlyList<(string Slug, string Id)>> CommentsOfAsync(string email, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CommenterIdentity.EmailHash(email)}");
        var found = new List<(string, string)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Slug"], cancellationToken: cancellationToken))
        {
            found.Add((entity.GetString("Slug") ?? string.Empty, entity.RowKey));
        }

        return found;
    }

    /// <summary>How many other comments this address posted since <paramref name="since"/>.</summary>
    public Task<int> RecentCountAsync(string email, string exceptId, DateTimeOffset since, int atMost, CancellationToken cancellationToken) =>
        TimeOrderedRows.CountSinceAsync(_table, CommenterIdentity.EmailHash(email), since, exceptId, atMost, cancellationToken);

    public async Task<CommenterRecord> ForEmailAsync(string email, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CommenterIdentity.EmailHash(email)}");
        int approved = 0, pending = 0, rejected = 0;
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["Status"], cancellationToken: cancellationToken))
        {
            if (!CommentStatusNames.TryParse(entity.GetString("Status"), out var status))
            {
                continue;
            }

            switch (status)
            {
                case CommentStatus.Approved: approved++; break;
                case CommentStatus.Pending: pending++; break;
                case CommentStatus.Rejected: rejected++; break;
            }
        }

        return new CommenterRecord(approved, pending, rejected);
    }
}
