#:package Azure.Data.Tables@12.13.0
#:package Azure.Storage.Queues@12.28.1
// For scripts/load.sh, against the storage in AzureWebJobsStorage. With "wait", first waits (checking once a second)
// until the submissions queue is empty, received messages included. Then prints "<stored comments> <messages queued>".
// The stored comments are counted only once the queue is empty: counting them means reading every one, and doing that
// every second would compete with the worker it is waiting for.
using Azure.Data.Tables;
using Azure.Storage.Queues;

var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? throw new InvalidOperationException("Set AzureWebJobsStorage.");
var queue = new QueueClient(connection, "comment-submissions");
async Task<int> QueuedAsync() => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

var queued = await QueuedAsync();
while (args is ["wait", ..] && queued > 0)
{
    await Task.Delay(TimeSpan.FromSeconds(1));
    queued = await QueuedAsync();
}

var stored = 0;
await foreach (var _ in new TableClient(connection, "Comments").QueryAsync<TableEntity>("RowKey lt '~'", select: ["RowKey"]))
{
    stored++;
}

Console.WriteLine($"{stored} {queued}");
