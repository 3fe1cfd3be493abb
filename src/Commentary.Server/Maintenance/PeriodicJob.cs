namespace Commentary.Server.Maintenance;

/// <summary>
/// The self-host's stand-in for a daily timer function: once storage is ready, after <see cref="FirstRunAfter"/>,
/// then every <see cref="Every"/>. A failed run is logged and waits for the next: housekeeping must never stop the
/// host that serves readers.
/// </summary>
public abstract partial class PeriodicJob(StorageInitializer storageInitializer, ILogger logger) : BackgroundService
{
    protected abstract string Name { get; }

    protected abstract TimeSpan FirstRunAfter { get; }

    protected abstract TimeSpan Every { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await storageInitializer.Ready.WaitAsync(stoppingToken);
            await Task.Delay(FirstRunAfter, stoppingToken);
            using var timer = new PeriodicTimer(Every);
            do
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // Whatever went wrong (storage busy, timeouts), the host keeps serving.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogFailed(logger, Name, e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; trying again at the next run: {Problem}")]
    private static partial void LogFailed(ILogger logger, string job, string problem);
}
