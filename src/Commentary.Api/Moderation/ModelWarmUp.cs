using Commentary.Core.Moderation.Classifier;
using Microsoft.Extensions.Hosting;

namespace Commentary.Api.Moderation;

/// <summary>
/// Loads the shipped classifier when the host starts, beside start-up rather than in its way, so neither the first
/// request nor the first comment pays for it.
/// </summary>
public sealed class ModelWarmUp(ModelProvider models) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(models.WarmUp, stoppingToken);
}
