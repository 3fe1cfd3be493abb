namespace Commentary.Core.Comments;

/// <summary>What a "This helped" mark came to: the comment's count after it, and whether this reader's mark was new.</summary>
public sealed record HelpfulOutcome(int Helpful, bool Counted);

/// <summary>
/// Readers' "This helped" marks in table <c>HelpfulMarks</c>: PartitionKey = <c>{slug}_{id}</c>, RowKey = the reader's
/// key (<see cref="ReaderKey"/>), so a reader's second mark finds its row and stores nothing. The count shown is the
/// number of rows, written to the comment (<see cref="Comment.Helpful"/>) only when it differs, guarded by the
/// comment's ETag: two readers marking at once both count, and a crash between the row and the count is mended by
/// the next mark of the same comment.
/// </summary>
public sealed class HelpfulMarks(StorageClients storage, CommentStore comments, CommentPageCache pages, TimeProvider clock)
{
    private const int MaxAttempts = 8;
    private readonly TableClient _table = storage.HelpfulMarks;

    public static string PartitionKey(string slug, string id) => slug + "_" + id;

    /// <summary>
    /// A reader is their address (as its keyed hash) together with the random id their browser keeps: two people
    /// behind one address still count twice, and one person cannot count again by clearing storage on the same network
    /// without also changing address. Hashed again, so neither part can be read back from the row.
    /// </summary>
    public static string ReaderKey(string ipHash, string readerId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ipHash + "\n" + readerId)));

    /// <summary>A reader id as the widget makes it: 16 to 64 letters, digits and hyphens.</summary>
    public static bool IsReaderId(string? value) =>
        value is { Length: >= 16 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Marks a published comment; null when there is no published comment under that id.</summary>
    public async Task<HelpfulOutcome?> MarkAsync(string slug, string id, string readerKey, CancellationToken cancellationToken)
    {
        var comment = await comments.FindAsync(slug, id, cancellationToken);
        if (comment is not { Status: CommentStatus.Approved })
        {
            return null;
        }

        bool counted;
        try
        {
            await _table.AddEntityAsync(new TableEntity(PartitionKey(slug, id), readerKey) { ["At"] = clock.GetUtcNow() }, cancellationToken);
            counted = true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            counted = false;
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            // The comment is read before the rows are counted, so a count written under its ETag is never older than
            // a count another reader wrote before it.
            var count = await CountAsync(slug, id, cancellationToken);
            if (comment.Helpful == count || comment.Status != CommentStatus.Approved)
            {
                return new HelpfulOutcome(count, counted);
            }

            if (await comments.SetHelpfulAsync(comment, count, cancellationToken) is { } stored)
            {
                pages.Invalidate(slug);
                return new HelpfulOutcome(stored.Helpful, counted);
            }

            comment = await comments.FindAsync(slug, id, cancellationToken);
            if (comment is null)
            {
                return null;
            }

            // Another reader's count got in first. Rows are only ever added, so a count at least as high as ours was
            // taken after our row was written and includes it: nothing is left for us to store. Without this, a dozen
            // readers marking at once each waited for a turn of their own and the last ones ran out of attempts.
            if (comment.Helpful >= count && comment.Status == CommentStatus.Approved)
            {
                return new HelpfulOutcome(comment.Helpful, counted);
            }
        }

        throw new RequestFailedException(503, $"The helpful count of comment {id} is too busy to update; try again.");
    }

    public async Task<int> CountAsync(string slug, string id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(slug, id)}");
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    /// <summary>Removes every mark of a deleted comment.</summary>
    public async Task RemoveAllAsync(string slug, string id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(slug, id)}");
        var keys = new List<string>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }

        foreach (var batch in keys.Chunk(100))
        {
            await _table.SubmitTransactionAsync(
                batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(PartitionKey(slug, id), k), ETag.All)),
                cancellationToken);
        }
    }
}
