using Commentary.Core.Maintenance;
using Commentary.Core.Storage;

namespace Commentary.Server.Maintenance;

/// <summary>
/// The self-host's stand-in for the daily <c>SweepStaleRows</c> timer: a sweep a minute after start-up, then one a day.
/// A failed sweep is logged and simply waits for the next.
/// </summary>
public sealed partial class SweepWorker(StaleRowSweeper sweeper, StorageInitializer storageInitializer, ILogger<SweepWorker> logger) : BackgroundService
{
    private static readonly TimeSpan FirstSweepAfter = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await storageInitializer.Ready.WaitAsync(stoppingToken);
            await Task.Delay(FirstSweepAfter, stoppingToken);
            using var timer = new PeriodicTimer(Interval);
            do
            {
                try
                {
                    await sweeper.SweepAsync(stoppingToken);
                }
                catch (Azure.RequestFailedException e)
                {
                    LogSweepFailed(logger, e.Message);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping stale rows failed; the next sweep is in a day: {Problem}")]
    private static partial void LogSweepFailed(ILogger logger, string problem);
}
