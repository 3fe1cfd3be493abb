namespace Commentary.Core.Moderation.Akismet;

/// <summary>
/// The optional outside spam check. It is on when an API key is set; the key then needs the site it was issued for.
/// Retries of an unreachable service wait <see cref="FirstRetryAfter"/>, doubling up to <see cref="LongestRetryAfter"/>.
/// </summary>
public sealed class AkismetOptions
{
    public const string Section = "Moderation:Akismet";

    public string? ApiKey { get; set; }

    /// <summary>The front page of the site the key belongs to (Akismet's <c>blog</c>).</summary>
    public string? SiteUrl { get; set; }

    /// <summary>The service's base address; tests point it at a fake on loopback.</summary>
    public Uri Endpoint { get; set; } = new("https://rest.akismet.com/1.1/");

    /// <summary>How long one call may take before the service counts as unreachable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Marks every call as a test, so Akismet neither learns from nor bills for it.</summary>
    public bool IsTest { get; set; }

    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan LongestRetryAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Calls made for one comment before it is left to the moderators (12 spans about eight hours).</summary>
    public int MaxAttempts { get; set; } = 12;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>The retry delay before attempt number <paramref name="attempt"/> (the first retry is attempt 1).</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var doublings = Math.Clamp(attempt - 1, 0, 30);
        var ticks = Math.Min(FirstRetryAfter.Ticks * Math.Pow(2, doublings), LongestRetryAfter.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    public static IEnumerable<string> Problems(AkismetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsEnabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(options.SiteUrl, UriKind.Absolute, out var site) || (site.Scheme != Uri.UriSchemeHttps && site.Scheme != Uri.UriSchemeHttp))
        {
            yield return "Moderation:Akismet:SiteUrl must be the http(s) address of the site the Akismet key was issued for.";
        }

        if (!options.Endpoint.IsAbsoluteUri)
        {
            yield return "Moderation:Akismet:Endpoint must be an absolute address.";
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            yield return "Moderation:Akismet:Timeout must be positive.";
        }

        if (options.MaxAttempts < 1)
        {
            yield return "Moderation:Akismet:MaxAttempts must be at least 1.";
        }

        if (options.FirstRetryAfter < TimeSpan.Zero || options.LongestRetryAfter < options.FirstRetryAfter)
        {
            yield return "Moderation:Akismet:FirstRetryAfter cannot be negative or longer than LongestRetryAfter.";
        }
    }
}
