using Commentary.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Commentary.Api.Hosting;

/// <summary>
/// The hosts' start-up step that creates the container, queues and tables when they are missing
/// (<see cref="StorageProvisioning"/>), so a fresh account just works. Storage that is
/// down at start-up does not stop the host: it keeps trying in the background, and requests answer 503 meanwhile.
/// Where the deployment already created everything (the Azure template sets <see cref="CreateSetting"/> to false),
/// the create calls are skipped: each would only be a logged 409 per resource on every new instance.
/// </summary>
public sealed partial class StorageInitializer(StorageClients storage, ILogger<StorageInitializer> logger, bool createIfMissing = true) : BackgroundService
{
    /// <summary>Configuration key: false skips the create-if-missing calls; true (the default) makes them.</summary>
    public const string CreateSetting = "Storage:CreateIfMissing";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every resource exists.</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!createIfMissing)
        {
            _ready.TrySetResult();
            LogSkipped(logger, CreateSetting);
            return;
        }

        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await StorageProvisioning.EnsureCreatedAsync(storage, stoppingToken);
                _ready.TrySetResult();
                LogReady(logger, string.Join(", ", StorageNames.Containers), string.Join(", ", StorageNames.Queues), string.Join(", ", StorageNames.Tables));
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever the cause, the operator is told and we try again; the host stays up.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogNotReady(logger, e, attempt, RetryDelay.TotalSeconds);
            }

            await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: containers {Containers}, queues {Queues}, tables {Tables}")]
    private static partial void LogReady(ILogger logger, string containers, string queues, string tables);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage resources are not created here ({Setting} is false): the deployment made them")]
    private static partial void LogSkipped(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage could not be prepared (attempt {Attempt}); trying again in {Seconds} s")]
    private static partial void LogNotReady(ILogger logger, Exception exception, int attempt, double seconds);
}
