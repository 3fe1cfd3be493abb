using Commentary.Core.Moderation.Classifier;
using Microsoft.Extensions.Hosting;

namespace Commentary.Api.Moderation;

/// <summary>
/// Loads the shipped classifier in the background <see cref="AfterStart"/> after the host has started, so the first
/// comment does not pay for it and start-up does not share the processor with it: on 2 cores, loading it beside
/// start-up took CPU from the first requests, which do not need it (health asks only whether a published model
/// failed). A comment that comes sooner loads the model itself; the warm-up then finds it loaded.
/// </summary>
public sealed class ModelWarmUp(ModelProvider models, IHostApplicationLifetime lifetime, TimeProvider clock) : BackgroundService
{
    /// <summary>How long after start-up the model is loaded: the first requests (health probes, first pages) go first.</summary>
    public static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            await Task.Delay(AfterStart, clock, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the warm-up was due: nothing to load.
            return;
        }

        models.WarmUp();
    }
}
