namespace Commentary.Core.Caching;

/// <summary>How long a read answered from memory may go without asking storage whether it is still current.</summary>
public sealed class ReadCacheOptions
{
    public const string Section = "ReadCache";

    /// <summary>
    /// Within this time after storage last confirmed a cached article, list or comment count, readers get it without
    /// any storage call. Changes made by this instance show at once regardless; changes made elsewhere show after at
    /// most this long. Zero makes every read revalidate.
    /// </summary>
    public TimeSpan FreshFor { get; set; } = TimeSpan.FromSeconds(5);
}
