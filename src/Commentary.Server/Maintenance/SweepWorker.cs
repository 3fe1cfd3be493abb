using Commentary.Core.Maintenance;
using Commentary.Core.Moderation.Classifier;

namespace Commentary.Server.Maintenance;

/// <summary>
/// When the self-host runs its daily jobs: the sweep <c>Maintenance:FirstSweepAfter</c> start-up, then every
/// <c>Maintenance:SweepEvery</c>; the model retrain <c>Maintenance:FirstRetrainAfter</c> start-up, then every
/// <c>Maintenance:RetrainEvery</c>.
/// </summary>
public sealed class SweepOptions
{
    public const string Section = "Maintenance";

    public TimeSpan FirstSweepAfter { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan FirstRetrainAfter { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RetrainEvery { get; set; } = TimeSpan.FromDays(1);
}

/// <summary>The self-host's stand-in for the daily <c>SweepStaleRows</c> timer.</summary>
public sealed class SweepWorker(StaleRowSweeper sweeper, StorageInitializer storageInitializer, IOptions<SweepOptions> options, ILogger<SweepWorker> logger)
    : PeriodicJob(storageInitializer, logger)
{
    protected override string Name => "Sweeping stale rows";

    protected override TimeSpan FirstRunAfter => options.Value.FirstSweepAfter;

    protected override TimeSpan Every => options.Value.SweepEvery;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}

/// <summary>The self-host's stand-in for the daily <c>RetrainModel</c> timer.</summary>
public sealed class RetrainWorker(ModelRetrainer retrainer, StorageInitializer storageInitializer, IOptions<SweepOptions> options, ILogger<RetrainWorker> logger)
    : PeriodicJob(storageInitializer, logger)
{
    protected override string Name => "Retraining the moderation model";

    protected override TimeSpan FirstRunAfter => options.Value.FirstRetrainAfter;

    protected override TimeSpan Every => options.Value.RetrainEvery;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => retrainer.RetrainAsync(cancellationToken);
}
