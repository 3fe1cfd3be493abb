using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commentary.Core.Storage;

/// <summary>Creates the container, queues and tables at start-up when they are missing, so a fresh account just works.</summary>
public sealed partial class StorageInitializer(StorageClients storage, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(storage, cancellationToken);
        LogReady(logger, StorageNames.ArticlesContainer, string.Join(", ", StorageNames.Queues), string.Join(", ", StorageNames.Tables));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static async Task EnsureCreatedAsync(StorageClients storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var work = new List<Task> { storage.Articles.CreateIfNotExistsAsync(cancellationToken: cancellationToken) };
        work.AddRange(StorageNames.Queues.Select(q => storage.Queues.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        work.AddRange(StorageNames.Tables.Select(t => storage.Tables.CreateTableIfNotExistsAsync(t, cancellationToken)));
        await Task.WhenAll(work);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: container {Container}, queues {Queues}, tables {Tables}")]
    private static partial void LogReady(ILogger logger, string container, string queues, string tables);
}
