using Commentary.Core.Caching;

namespace Commentary.Tests.Caching;

public class ReadCoalescerTests
{
    /// <summary>A read that the test finishes by hand, numbered in the order reads started.</summary>
    private sealed class ControlledReads
    {
        private readonly List<TaskCompletionSource<int>> _started = [];

        /// <summary>Signals by read number (1-based), set when that read starts: what a waiting test awaits.</summary>
        private readonly Dictionary<int, TaskCompletionSource> _startSignals = [];

        public int Started
        {
            get
            {
                lock (_started)
                {
                    return _started.Count;
                }
            }
        }

        public Task<int> ReadAsync(CancellationToken cancellationToken)
        {
            var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_started)
            {
                _started.Add(read);
                StartSignal(_started.Count).TrySetResult();
            }

            return read.Task;
        }

        /// <summary>Ends read number <paramref name="number"/> (1-based) with that number as its value.</summary>
        public void Finish(int number) => Read(number).SetResult(number);

        public void Fail(int number, Exception error) => Read(number).SetException(error);

        /// <summary>Waits until read number <paramref name="count"/> has started; the time-out only stops a test that hangs.</summary>
        public Task WaitForStartedAsync(int count)
        {
            Task started;
            lock (_started)
            {
                started = StartSignal(count).Task;
            }

            return started.WaitAsync(TimeSpan.FromSeconds(10));
        }

        /// <summary>The signal for read number <paramref name="number"/>; callers hold the lock.</summary>
        private TaskCompletionSource StartSignal(int number)
        {
            if (!_startSignals.TryGetValue(number, out var signal))
            {
                signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _startSignals[number] = signal;
            }

            return signal;
        }

        private TaskCompletionSource<int> Read(int number)
        {
            lock (_started)
            {
                return _started[number - 1];
            }
        }
    }

    [Fact]
    public async Task A_caller_who_arrives_during_a_read_gets_the_next_read_not_the_running_one()
    {
        var coalescer = new ReadCoalescer<string, int>();
        var reads = new ControlledReads();

        var first = coalescer.ReadAsync("page", reads.ReadAsync, CancellationToken.None);
        var late = coalescer.ReadAsync("page", reads.ReadAsync, CancellationToken.None);
        Assert.Equal(1, reads.Started);

        reads.Finish(1);
        Assert.Equal(1, await first);
        await reads.WaitForStartedAsync(2);
        Assert.False(late.IsCompleted);

        reads.Finish(2);
        Assert.Equal(2, await late);
    }

    [Fact]
    public async Task Everyone_who_arrives_during_one_read_shares_the_next_one()
    {
        var coalescer = new ReadCoalescer<string, int>();
        var reads = new ControlledReads();

        var first = coalescer.ReadAsync("page", reads.ReadAsync, CancellationToken.None);
        var waiting = Enumerable.Range(0, 50).Select(_ => coalescer.ReadAsync("page", reads.ReadAsync, CancellationToken.None)).ToList();
        reads.Finish(1);
        await reads.WaitForStartedAsync(2);
        reads.Finish(2);

        Assert.Equal(1, await first);
        Assert.All(await Task.WhenAll(waiting), value => Assert.Equal(2, value));
        Assert.Equal(2, reads.Started);
    }

    [Fact]
    public async Task Different_keys_and_callers_that_do_not_overlap_each_read_for_themselves()
    {
        var coalescer = new ReadCoalescer<string, int>();
        var reads = new ControlledReads();

        var one = coalescer.ReadAsync("page-1", reads.ReadAsync, CancellationToken.None);
        var other = coalescer.ReadAsync("page-2", reads.ReadAsync, CancellationToken.None);
        Assert.Equal(2, reads.Started);
        reads.Finish(1);
        reads.Finish(2);
        Assert.Equal(1, await one);
        Assert.Equal(2, await other);

        var again = coalescer.ReadAsync("page-1", reads.ReadAsync, CancellationToken.None);
        Assert.Equal(3, reads.Started);
        reads.Finish(3);
        Assert.Equal(3, await again);
    }

    [Fact]
    public async Task A_caller_who_has_its_answer_and_asks_again_starts_a_new_read_at_once()
    {
        // Many times over, because the wrong order (answer first, then free the slot) only shows when the caller's
        // continuation runs before the read has tidied up.
        var coalescer = new ReadCoalescer<string, int>();
        var reads = new ControlledReads();
        for (var round = 1; round <= 2000; round++)
        {
            var read = coalescer.ReadAsync("page", reads.ReadAsync, CancellationToken.None);
            Assert.Equal(round, reads.Started);
            reads.Finish(round);
            Assert.Equal(round, await read);
        }
    }

    [Fact]
    public async Task A_failed_read_fails_its_callers_and_the_next_caller_reads_afresh()
    {
        var coalescer = new ReadCoalescer<string, int>();
        var reads = new ControlledReads();

        var first = coalescer.ReadAsync("page", reads.ReadAsync, CancellationToken.None);
        reads.Fail(1, new InvalidOperationException("storage down"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => first);

        var after = coalescer.ReadAsync("page", reads.ReadAsync, CancellationToken.None);
        Assert.Equal(2, reads.Started);
        reads.Finish(2);
        Assert.Equal(2, await after);
    }

    [Fact]
    public async Task A_caller_that_gives_up_stops_waiting_without_cancelling_the_read_others_wait_for()
    {
        var coalescer = new ReadCoalescer<string, int>();
        var reads = new ControlledReads();
        using var impatient = new CancellationTokenSource();

        var first = coalescer.ReadAsync("page", reads.ReadAsync, impatient.Token);
        var patient = coalescer.ReadAsync("page", reads.ReadAsync, CancellationToken.None);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        reads.Finish(1);
        await reads.WaitForStartedAsync(2);
        reads.Finish(2);
        Assert.Equal(2, await patient);
    }
}
