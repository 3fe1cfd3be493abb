using Azure.Data.Tables;

namespace Commentary.Core.Storage;

/// <summary>Upserts many entities in as few requests as a table allows: one transaction per partition and 100 entities.</summary>
public static class TableBatches
{
    public const int MaxEntities = 100;

    public static Task UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Task.WhenAll(entities
            .GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.DistinctBy(e => e.RowKey, StringComparer.Ordinal).Chunk(MaxEntities))
            .Select(chunk => table.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken)));
    }
}
