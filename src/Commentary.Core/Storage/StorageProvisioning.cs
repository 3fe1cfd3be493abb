namespace Commentary.Core.Storage;

/// <summary>
/// Creates every container, queue and table the service uses (<see cref="StorageNames"/>) where it is missing. The
/// hosts do it at start-up; the CLI before it writes; the Azure template creates them itself.
/// </summary>
public static class StorageProvisioning
{
    public static async Task EnsureCreatedAsync(StorageClients storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var work = StorageNames.Containers.Select(c => (Task)storage.Blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)).ToList();
        work.AddRange(StorageNames.Queues.Select(q => storage.Queues.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(StorageNames.Tables.Select(t => storage.Tables.CreateTableIfNotExistsAsync(t, cancellationToken)));
        await Task.WhenAll(work);
    }
}
