namespace Commentary.Core.Comments;

/// <summary>What an import must not bring back: comments deleted here and commenters erased at their request.</summary>
public sealed record TombstoneSet(IReadOnlySet<string> DeletedComments, IReadOnlySet<string> ErasedEmailHashes)
{
    public static TombstoneSet None { get; } = new(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    public bool IsDeleted(string commentId) => DeletedComments.Contains(commentId);

    public bool IsErased(string email) => email.Trim().Length > 0 && ErasedEmailHashes.Contains(CommenterIdentity.EmailHash(email));
}

/// <summary>
/// Records of deletions in table <c>Tombstones</c>, so that running an import again never undoes them: a deleted
/// comment leaves its id (PartitionKey <c>comment</c>; an imported comment's id is derived from its id in the source,
/// so the same source comment gets the same id every time), an erased commenter the hash of their email address
/// (PartitionKey <c>commenter</c>; the address itself is never kept). Each record is written before what it records
/// is deleted, so a deletion cut short still leaves its record behind.
/// </summary>
public sealed class Tombstones(StorageClients storage)
{
    private const string CommentPartition = "comment";
    private const string CommenterPartition = "commenter";
    private readonly TableClient _table = storage.Tombstones;

    public Task RecordDeletedAsync(string slug, string commentId, DateTimeOffset at, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(CommentPartition, commentId) { ["Slug"] = slug, ["At"] = at }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Records an erasure under the address's hash (<see cref="CommenterIdentity.EmailHash"/>); returns that hash.</summary>
    public async Task<string> RecordErasedAsync(string email, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var hash = CommenterIdentity.EmailHash(email);
        await _table.UpsertEntityAsync(new TableEntity(CommenterPartition, hash) { ["At"] = at }, TableUpdateMode.Replace, cancellationToken);
        return hash;
    }

    /// <summary>Every record, for an import to honour (one read of the table's keys).</summary>
    public async Task<TombstoneSet> LoadAsync(CancellationToken cancellationToken)
    {
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var erased = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            (entity.PartitionKey == CommenterPartition ? erased : deleted).Add(entity.RowKey);
        }

        return new TombstoneSet(deleted, erased);
    }
}
