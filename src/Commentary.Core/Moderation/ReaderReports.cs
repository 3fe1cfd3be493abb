namespace Commentary.Core.Moderation;

/// <summary>One reader's report of a comment.</summary>
public sealed record ReaderReport(string ReporterHash, string Reason, DateTimeOffset At);

/// <summary>
/// Readers' reports in table <c>Reports</c>: PartitionKey = <c>{slug}_{id}</c> (both already validated, so free of
/// the characters table keys forbid), RowKey = the reporter's IP hash, so a reader who reports twice counts once.
/// </summary>
public sealed class ReaderReports(StorageClients storage)
{
    private readonly TableClient _table = storage.Reports;

    public static string PartitionKey(string slug, string id) => slug + "_" + id;

    /// <summary>Records the report unless this reporter already reported the comment (the first report is kept).</summary>
    public async Task AddAsync(string slug, string id, ReaderReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var entity = new TableEntity(PartitionKey(slug, id), report.ReporterHash) { ["Reason"] = report.Reason, ["At"] = report.At };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Reported before by the same reader: it still counts once.
        }
    }

    public async Task<IReadOnlyList<ReaderReport>> ListAsync(string slug, string id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey(slug, id)}");
        var reports = new List<ReaderReport>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            reports.Add(new ReaderReport(entity.RowKey, entity.GetString("Reason") ?? string.Empty, entity.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue));
        }

        return reports;
    }

    public async Task RemoveAllAsync(string slug, string id, CancellationToken cancellationToken)
    {
        var reports = await ListAsync(slug, id, cancellationToken);
        foreach (var batch in reports.Chunk(100))
        {
            await _table.SubmitTransactionAsync(
                batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(PartitionKey(slug, id), r.ReporterHash), ETag.All)),
                cancellationToken);
        }
    }
}
