#:package Azure.Data.Tables@12.13.0
#:package Azure.Storage.Queues@12.28.1
// Prints "<stored comments> <messages still queued>" for the storage in AzureWebJobsStorage, for scripts/load.sh.
using Azure.Data.Tables;
using Azure.Storage.Queues;

var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? throw new InvalidOperationException("Set AzureWebJobsStorage.");
var table = new TableClient(connection, "Comments");
var stored = 0;
await foreach (var _ in table.QueryAsync<TableEntity>("RowKey lt '~'", select: ["RowKey"]))
{
    stored++;
}

var queued = (await new QueueClient(connection, "comment-submissions").GetPropertiesAsync()).Value.ApproximateMessagesCount;
Console.WriteLine($"{stored} {queued}");
