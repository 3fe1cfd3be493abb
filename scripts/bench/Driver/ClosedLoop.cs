using System.Diagnostics;

namespace Commentary.Bench;

/// <summary>How many workers run for how long.</summary>
public sealed record RunShape(int Connections, TimeSpan Duration);

/// <summary>
/// A closed loop: each worker sends its next request as soon as the last one answered. The same loop drives the API
/// (over HTTP) and the raw SDK baselines, so a ratio compares the services, not two load tools.
/// </summary>
public static class ClosedLoop
{
    public static async Task<string> RunAsync(RunShape run, Func<int, Task> operation)
    {
        var done = 0L;
        var failed = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, run.Connections).Select(worker => Task.Run(async () =>
        {
            while (clock.Elapsed < run.Duration)
            {
                try
                {
                    await operation(worker);
                    Interlocked.Increment(ref done);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        return Report(done, failed, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Each round first runs <paramref name="prepare"/> untimed (a change that makes the next read a cache miss),
    /// then times <paramref name="measured"/>. The rate is what the workers would sustain doing only the measured part.
    /// </summary>
    public static async Task<string> RunTimedPartAsync(RunShape run, Func<int, Task> prepare, Func<int, Task> measured)
    {
        var done = 0L;
        var failed = 0L;
        var timedTicks = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, run.Connections).Select(worker => Task.Run(async () =>
        {
            while (clock.Elapsed < run.Duration)
            {
                try
                {
                    await prepare(worker);
                    var started = Stopwatch.GetTimestamp();
                    await measured(worker);
                    Interlocked.Add(ref timedTicks, Stopwatch.GetTimestamp() - started);
                    Interlocked.Increment(ref done);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        var busySeconds = (double)timedTicks / Stopwatch.Frequency / run.Connections;
        return Report(done, failed, busySeconds);
    }

    private static string Report(long done, long failed, double seconds) =>
        FormattableString.Invariant($"RESULT rate={done / Math.Max(seconds, 1e-9):F1} count={done} failed={failed}");
}
