using System.Threading.RateLimiting;

namespace Commentary.Api.Protection;

/// <summary>
/// A token bucket per client address for posting comments and reports: <c>Burst</c> at once, then
/// <c>PermitsPerMinute</c>. Kept in memory per instance, so with N instances a client gets at most N times the rate;
/// that bounds a flood, which is the point, without a storage round trip on every post.
/// </summary>
public sealed class PostingRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public PostingRateLimiter(IOptions<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (settings.PermitsPerMinute <= 0)
        {
            return;
        }

        var period = TimeSpan.FromMinutes(1) / settings.PermitsPerMinute;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(client, _ =>
            new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(1, settings.Burst),
                TokensPerPeriod = 1,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>Null when the client may go ahead; otherwise how long it should wait.</summary>
    public TimeSpan? TryAcquire(string client)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(client);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(60);
    }

    public void Dispose() => _limiter?.Dispose();
}
