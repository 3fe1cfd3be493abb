using Commentary.Core.Maintenance;

namespace Commentary.Functions;

/// <summary>Once a day, at a quiet hour (UTC), the rows that only matter for a while are deleted.</summary>
public sealed class SweepStaleRowsFunction(StaleRowSweeper sweeper)
{
    public const string Schedule = "0 17 3 * * *";

    [Function(FunctionNames.SweepStaleRows)]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
