using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Commentary.Benchmarks;

/// <summary>
/// Megabytes of comment text decided per second on one thread: the mean comment size over the median time. The median,
/// because our build machines are shared and a neighbour's build inflates the mean of a short run.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Comment text (UTF-8 author, email, website and body; 1 MB = 10^6 bytes) decided per second on one core, from the median";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var nanoseconds = summary[benchmarkCase]?.ResultStatistics?.Median;
        if (nanoseconds is not > 0 || benchmarkCase.Parameters["Comments"] is not string comments)
        {
            return "-";
        }

        var megabytesPerSecond = CommentSets.AverageBytes(comments) / nanoseconds.Value * 1e3;
        return megabytesPerSecond.ToString("F1", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
