namespace Commentary.Core.Caching;

/// <summary>Stamps the moment storage confirmed a cached value and says whether that is recent enough to skip asking again.</summary>
public sealed class Freshness(TimeProvider clock, IOptions<ReadCacheOptions> options)
{
    private readonly TimeSpan _freshFor = options.Value.FreshFor;

    /// <summary>A cache that always revalidates: for one-shot tools such as the CLI.</summary>
    public static Freshness Never { get; } = new(TimeProvider.System, Options.Create(new ReadCacheOptions { FreshFor = TimeSpan.Zero }));

    public long Now() => clock.GetTimestamp();

    public bool IsFresh(long confirmedAt) => _freshFor > TimeSpan.Zero && clock.GetElapsedTime(confirmedAt) < _freshFor;
}
