namespace Commentary.Core.Comments;

/// <summary>What a client's <c>Idempotency-Key</c> was first used for.</summary>
public sealed record IdempotencyRecord(string CommentId, string RequestHash, DateTimeOffset Created, ETag ETag);

/// <summary>
/// Remembers, per <c>Idempotency-Key</c>, which comment a POST created and a hash of what was posted, for 24 hours.
/// Only hashes and the comment id are kept: no personal data, so nothing here needs erasing with a commenter.
/// PartitionKey = SHA-256 of the key (a client's key may hold any characters); RowKey is empty.
/// </summary>
public sealed class IdempotencyKeys(StorageClients storage, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    private readonly TableClient _table = storage.IdempotencyKeys;

    public static string RequestHash(string slug, ValidSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var canonical = string.Join('\u001f', slug, submission.Author, submission.Email, submission.Website, submission.Body, submission.ParentId);
        if (submission.WantsMail)
        {
            // Asking for mail makes a different request; without it, the hash is what it always was.
            canonical += $"\u001fnotify:{submission.NotifyPublished}:{submission.NotifyReplies}";
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>A key is 1 to 255 visible ASCII characters.</summary>
    public static bool IsValidKey(string key) =>
        key is { Length: > 0 and <= 255 } && key.All(c => c is > ' ' and <= '~');

    public bool IsLive(IdempotencyRecord record) => clock.GetUtcNow() - (record ?? throw new ArgumentNullException(nameof(record))).Created < Lifetime;

    /// <summary>The record for this key, live or expired, or null.</summary>
    public async Task<IdempotencyRecord?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (await _table.FindAsync(Partition(key), string.Empty, cancellationToken) is not { } entity)
        {
            return null;
        }

        return new IdempotencyRecord(
            entity.GetString("CommentId") ?? string.Empty,
            entity.GetString("RequestHash") ?? string.Empty,
            entity.GetDateTimeOffset("Created") ?? DateTimeOffset.MinValue,
            entity.ETag);
    }

    /// <summary>
    /// Claims the key for a new comment. Returns the record that holds the key afterwards: ours, or, when another
    /// request with the same key got there first, theirs.
    /// </summary>
    public async Task<IdempotencyRecord> ClaimAsync(string key, string commentId, string requestHash, IdempotencyRecord? expired, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var entity = new TableEntity(Partition(key), string.Empty)
        {
            ["CommentId"] = commentId,
            ["RequestHash"] = requestHash,
            ["Created"] = now,
        };
        try
        {
            var response = expired is null
                ? await _table.AddEntityAsync(entity, cancellationToken)
                : await _table.UpdateEntityAsync(entity, expired.ETag, TableUpdateMode.Replace, cancellationToken);
            return new IdempotencyRecord(commentId, requestHash, now, response.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return await FindAsync(key, cancellationToken)
                ?? throw new InvalidOperationException("An idempotency record vanished while it was being claimed.", e);
        }
    }

    private static string Partition(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
