using System.Collections.Concurrent;

namespace Commentary.Core.Caching;

/// <summary>
/// Shares one storage read among callers who ask for the same thing at the same time, without ever answering a
/// caller with a read that started before it asked: a caller who arrives while a read is running waits for the next
/// one, which starts as soon as the running one ends and serves everyone who arrived meanwhile. So a hundred readers
/// of a page that just changed cost at most two reads, and each still sees every change made before it asked.
/// </summary>
/// <remarks>
/// The shared read runs without any one caller's cancellation token (one reader going away must not fail the
/// others); each caller stops waiting on its own token, and the storage clients' timeouts bound the read itself.
/// </remarks>
public sealed class ReadCoalescer<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Slot> _slots = new();

    public Task<TValue> ReadAsync(TKey key, Func<CancellationToken, Task<TValue>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        while (true)
        {
            var slot = _slots.GetOrAdd(key, _ => new Slot());
            TaskCompletionSource<TValue> start;
            lock (slot)
            {
                if (slot.Retired)
                {
                    // Removed from the map by a read that just ended; take the slot that replaces it.
                    continue;
                }

                if (slot.Busy)
                {
                    slot.Joined++;
                    slot.Next ??= (new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously), read);
                    return slot.Next.Value.Result.Task.WaitAsync(cancellationToken);
                }

                start = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                slot.Busy = true;
            }

            _ = RunAsync(key, slot, start, read);
            return start.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// How many callers have arrived while a read of <paramref name="key"/> was under way and are sharing its reads
    /// (0 once those reads are over): lets a test know that a caller has reached a read it holds back.
    /// </summary>
    internal int Joined(TKey key)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            return 0;
        }

        lock (slot)
        {
            return slot.Joined;
        }
    }

    private async Task RunAsync(TKey key, Slot slot, TaskCompletionSource<TValue> result, Func<CancellationToken, Task<TValue>> read)
    {
        while (true)
        {
            TValue value = default!;
            Exception? error = null;
            try
            {
                value = await read(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Every caller waiting on this read gets its failure, whatever it is.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = e;
            }

            // The slot moves on before anyone hears the answer: a caller who has its answer and asks again must start
            // (or wait for) a read that begins after that, never find this finished one still marked as running.
            (TaskCompletionSource<TValue> Result, Func<CancellationToken, Task<TValue>> Read)? next;
            lock (slot)
            {
                next = slot.Next;
                slot.Next = null;
                // Everyone waiting for the next read arrived before this point, so a read started now is new enough for
                // all; with no one waiting, the slot goes.
                if (next is null)
                {
                    slot.Retired = true;
                    _slots.TryRemove(new KeyValuePair<TKey, Slot>(key, slot));
                }
            }

            if (error is null)
            {
                result.TrySetResult(value);
            }
            else
            {
                result.TrySetException(error);
            }

            if (next is not { } following)
            {
                return;
            }

            (result, read) = following;
        }
    }

    private sealed class Slot
    {
        /// <summary>A read is under way (set once; a slot whose reads are over is retired, never reused).</summary>
        public bool Busy { get; set; }
        public (TaskCompletionSource<TValue> Result, Func<CancellationToken, Task<TValue>> Read)? Next { get; set; }
        public bool Retired { get; set; }
        public int Joined { get; set; }
    }
}
