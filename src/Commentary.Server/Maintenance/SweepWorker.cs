using Commentary.Core.Maintenance;
using Commentary.Core.Storage;
using Microsoft.Extensions.Options;

namespace Commentary.Server.Maintenance;

/// <summary>When the self-host sweeps: <c>Maintenance:FirstSweepAfter</c> start-up, then every <c>Maintenance:SweepEvery</c>.</summary>
public sealed class SweepOptions
{
    public const string Section = "Maintenance";

    public TimeSpan FirstSweepAfter { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>
/// The self-host's stand-in for the daily <c>SweepStaleRows</c> timer. A failed sweep is logged and waits for the
/// next: housekeeping must never stop the host that serves readers.
/// </summary>
public sealed partial class SweepWorker(
    StaleRowSweeper sweeper, StorageInitializer storageInitializer, IOptions<SweepOptions> options, ILogger<SweepWorker> logger) : BackgroundService
{
    private readonly SweepOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await storageInitializer.Ready.WaitAsync(stoppingToken);
            await Task.Delay(_options.FirstSweepAfter, stoppingToken);
            using var timer = new PeriodicTimer(_options.SweepEvery);
            do
            {
                try
                {
                    await sweeper.SweepAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    throw;
                }
#pragma warning disable CA1031 // Whatever went wrong (storage busy, timeouts), the host keeps serving.
                catch (Exception e)
#pragma warning restore CA1031
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping stale rows failed; trying again at the next sweep: {Problem}")]
    private static partial void LogSweepFailed(ILogger logger, string problem);
}
