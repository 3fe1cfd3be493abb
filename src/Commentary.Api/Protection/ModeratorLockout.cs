using System.Collections.Concurrent;

namespace Commentary.Api.Protection;

/// <summary>
/// Slows down key guessing: after a few wrong moderator keys from one client address, that address must wait,
/// twice as long after each further failure. Other addresses, and so other moderators, are not affected. While an
/// address is locked out no key from it is even checked, so a guess cannot be confirmed early.
/// </summary>
public sealed class ModeratorLockout(IOptions<LockoutOptions> options, TimeProvider clock)
{
    private const int MaxTrackedClients = 100_000;
    private readonly LockoutOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, Failures> _clients = new(StringComparer.Ordinal);

    /// <summary>How long this client must still wait, or null if it may try.</summary>
    public TimeSpan? WaitFor(string client)
    {
        if (!_clients.TryGetValue(client, out var failures))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (now - failures.Last > _options.ForgetAfter)
        {
            _clients.TryRemove(client, out _);
            return null;
        }

        return failures.LockedUntil > now ? failures.LockedUntil - now : null;
    }

    public void Failed(string client)
    {
        var now = clock.GetUtcNow();
        if (_clients.Count >= MaxTrackedClients)
        {
            Forget(now);
        }

        _clients.AddOrUpdate(client, _ => new Failures(1, now, DateTimeOffset.MinValue), (_, f) =>
        {
            var count = now - f.Last > _options.ForgetAfter ? 1 : f.Count + 1;
            var over = count - _options.FreeFailures;
            var lockout = over <= 0
                ? TimeSpan.Zero
                : TimeSpan.FromTicks(Math.Min(_options.MaxLockout.Ticks, _options.FirstLockout.Ticks * (1L << Math.Min(over - 1, 30))));
            return new Failures(count, now, now + lockout);
        });
    }

    public void Succeeded(string client) => _clients.TryRemove(client, out _);

    private void Forget(DateTimeOffset now)
    {
        foreach (var (client, failures) in _clients)
        {
            if (now - failures.Last > _options.ForgetAfter || failures.LockedUntil < now)
            {
                _clients.TryRemove(client, out _);
            }
        }
    }

    private sealed record Failures(int Count, DateTimeOffset Last, DateTimeOffset LockedUntil);
}
