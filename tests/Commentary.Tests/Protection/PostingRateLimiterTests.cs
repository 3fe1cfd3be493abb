using Commentary.Api.Protection;

namespace Commentary.Tests.Protection;

public class PostingRateLimiterTests
{
    [Fact]
    public void A_client_may_post_a_burst_and_is_then_told_how_long_to_wait()
    {
        using var limiter = new PostingRateLimiter(Options.Create(new RateLimitOptions { PermitsPerMinute = 5, Burst = 3 }));
        Assert.Null(limiter.TryAcquire("203.0.113.5"));
        Assert.Null(limiter.TryAcquire("203.0.113.5"));
        Assert.Null(limiter.TryAcquire("203.0.113.5"));
        var wait = limiter.TryAcquire("203.0.113.5");
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(12));
    }

    [Fact]
    public void Clients_have_separate_buckets()
    {
        using var limiter = new PostingRateLimiter(Options.Create(new RateLimitOptions { PermitsPerMinute = 1, Burst = 1 }));
        Assert.Null(limiter.TryAcquire("203.0.113.5"));
        Assert.NotNull(limiter.TryAcquire("203.0.113.5"));
        Assert.Null(limiter.TryAcquire("198.51.100.7"));
    }

    [Fact]
    public void Zero_permits_per_minute_turns_the_limit_off()
    {
        using var limiter = new PostingRateLimiter(Options.Create(new RateLimitOptions { PermitsPerMinute = 0, Burst = 1 }));
        Assert.All(Enumerable.Range(0, 50), _ => Assert.Null(limiter.TryAcquire("203.0.113.5")));
    }
}
