namespace Commentary.Core.Storage;

/// <summary>
/// Upserts many entities in as few requests as a table allows: one transaction per partition and 100 entities, a few
/// at a time, so that a large import does not send hundreds of requests to the service at once.
/// </summary>
public static class TableBatches
{
    public const int MaxEntities = 100;
    private const int TransactionsAtOnce = 8;

    public static Task UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var transactions = entities
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.DistinctBy(e => e.RowKey, StringComparer.Ordinal).Chunk(MaxEntities));
        return Parallel.ForEachAsync(
            transactions,
            new ParallelOptions { MaxDegreeOfParallelism = TransactionsAtOnce, CancellationToken = cancellationToken },
            async (chunk, ct) => await table.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
    }
}
