using Azure.Data.Tables;
using Commentary.Core.Comments;

namespace Commentary.Core.Storage;

/// <summary>
/// Queries over partitions whose RowKeys are comment ids: ids sort by time, so "since" is a RowKey range and
/// counting recent rows reads only them.
/// </summary>
public static class TimeOrderedRows
{
    public static async Task<int> CountSinceAsync(TableClient table, string partition, DateTimeOffset since, string exceptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {CommentId.LowestAt(since)}");
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count += row.RowKey == exceptId ? 0 : 1;
        }

        return count;
    }
}
