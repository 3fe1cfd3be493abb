using System.Collections.Concurrent;

namespace Commentary.Core.Comments;

/// <summary>
/// One async lock per article partition. Every write to an article also rewrites its counter entity, so concurrent
/// writes to one article on one instance would only fight over the counter's ETag; taking turns is faster than
/// losing and retrying. One small semaphore per article is kept for the life of the process.
/// </summary>
internal sealed class PartitionLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<Releaser> EnterAsync(string partition, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(partition, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    public readonly struct Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
