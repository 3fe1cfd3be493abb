namespace Commentary.Core.Storage;

/// <summary>
/// Queries over partitions whose RowKeys are comment ids: ids sort by time, so "since" is a RowKey range and
/// counting recent rows reads only them, and only as many as the question needs.
/// </summary>
public static class TimeOrderedRows
{
    /// <summary>Rows since <paramref name="since"/> other than <paramref name="exceptId"/>, counted up to <paramref name="atMost"/>.</summary>
    public static async Task<int> CountSinceAsync(TableClient table, string partition, DateTimeOffset since, string exceptId, int atMost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (atMost <= 0)
        {
            return 0;
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {CommentId.LowestAt(since)}");
        var count = 0;
        // One row more than asked for, in case the excepted row is among the first.
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(atMost + 1, 1000), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count += row.RowKey == exceptId ? 0 : 1;
            if (count >= atMost)
            {
                break;
            }
        }

        return count;
    }
}
