using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Commentary.Core.Storage;

namespace Commentary.Testing;

/// <summary>Storage clients whose every request, to blobs, queues and tables, passes a test's pipeline policy.</summary>
public static class PolicyStorageClients
{
    public static StorageClients For(string connectionString, HttpPipelinePolicy policy)
    {
        var blobs = new BlobClientOptions();
        var queues = new QueueClientOptions { MessageEncoding = StorageClients.SubmissionEncoding };
        var tables = new TableClientOptions();
        blobs.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        queues.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        tables.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return new StorageClients(
            new BlobServiceClient(connectionString, blobs),
            new QueueServiceClient(connectionString, queues),
            new TableServiceClient(connectionString, tables));
    }
}
