namespace Commentary.Api.Protection;

/// <summary>Posting limits per client (<c>RateLimiting:Comments</c>). <c>PermitsPerMinute = 0</c> turns the limit off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting:Comments";

    public int PermitsPerMinute { get; set; } = 5;
    public int Burst { get; set; } = 3;
}

/// <summary>Lockout of clients that keep presenting wrong moderator keys (<c>RateLimiting:ModeratorKeys</c>).</summary>
public sealed class LockoutOptions
{
    public const string Section = "RateLimiting:ModeratorKeys";

    /// <summary>Wrong keys allowed from one client before it has to wait.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The first wait; each further failure doubles it, up to <see cref="MaxLockout"/>.</summary>
    public TimeSpan FirstLockout { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A client with no failure for this long starts afresh.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}
