namespace Commentary.Core.Notifications;

/// <summary>What reading a link's token found.</summary>
public enum LinkReading
{
    /// <summary>Signed by our key, not expired.</summary>
    Valid,

    /// <summary>Not made by us as it is: altered, cut short, made under another key, or links are switched off.</summary>
    Invalid,

    /// <summary>Made by us, but its week is over.</summary>
    Expired,
}

/// <summary>
/// The signed Approve and Reject links (<see cref="IModerationLinks"/>) under <c>Notifications__LinkSigningKey</c>,
/// pointing at <c>{Notifications__PublicUrl}/moderation/link?token=…</c>, and the reading of them when they come back.
/// </summary>
public sealed class ModerationLinks(IOptions<NotificationOptions> options, TimeProvider clock) : IModerationLinks
{
    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>The route of the confirmation page, relative to the API root (<see cref="NotificationOptions.PublicUrl"/>).</summary>
    public const string Route = "moderation/link";

    /// <summary>The query parameter (on the page) and the form field (on its POST) that carry the token.</summary>
    public const string TokenField = "token";

    public const int MinimumKeyLength = 32;

    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.LinkSigningKey) ? null : Encoding.UTF8.GetBytes(options.Value.LinkSigningKey);
    private readonly Uri? _publicUrl = options.Value.PublicUrl;

    public bool IsConfigured => _key is not null && _publicUrl is not null;

    public Uri? Create(ModerationLinkAction action, string slug, string commentId, string etag, string moderator)
    {
        if (!IsConfigured)
        {
            return null;
        }

        var link = new ModerationLink(action, slug, commentId, etag, moderator, clock.GetUtcNow() + Lifetime, ModerationLinkToken.NewLinkId());
        var token = ModerationLinkToken.Write(link, _key);
        return new Uri($"{_publicUrl!.AbsoluteUri.TrimEnd('/')}/{Route}?{TokenField}={token}");
    }

    /// <summary>What a token that came back says, checked against the key and the clock.</summary>
    public (LinkReading Reading, ModerationLink? Link) Read(string? token)
    {
        if (_key is null || ModerationLinkToken.Read(token, _key) is not { } link)
        {
            return (LinkReading.Invalid, null);
        }

        return clock.GetUtcNow() >= link.ExpiresAt ? (LinkReading.Expired, link) : (LinkReading.Valid, link);
    }

    /// <summary>What is wrong with the link settings, one sentence each naming the setting.</summary>
    public static IEnumerable<string> Problems(NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.LinkSigningKey;
        if (key is not null && key.Length > 0 && key.Trim().Length < MinimumKeyLength)
        {
            yield return $"Notifications:LinkSigningKey must be at least {MinimumKeyLength} characters (a random string, e.g. from 'openssl rand -base64 48').";
        }

        if (options.PublicUrl is { } url && !(url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            yield return "Notifications:PublicUrl must be the absolute http(s) address of the API root, e.g. https://comments.example.org/api.";
        }
        else if (options.PublicUrl is null && !string.IsNullOrEmpty(key))
        {
            yield return "Notifications:PublicUrl is needed with Notifications:LinkSigningKey: the links in messages start with it.";
        }
    }
}
