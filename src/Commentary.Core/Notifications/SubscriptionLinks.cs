namespace Commentary.Core.Notifications;

/// <summary>What a commenter's link does: confirm the address (double opt-in), or stop mail.</summary>
public enum SubscriptionLinkPurpose
{
    Confirm,
    Unsubscribe,
}

/// <summary>
/// A link's contents: what it does, for whom (<see cref="Subscriber"/>, the keyed hash of the address, never the address),
/// for which article (<see cref="Slug"/>; null means everything), and when it was made.
/// </summary>
public sealed record SubscriptionLink(SubscriptionLinkPurpose Purpose, string Subscriber, string? Slug, DateTimeOffset IssuedAt);

/// <summary>What reading a link's token found.</summary>
public enum SubscriptionLinkReading
{
    Valid,

    /// <summary>Not made by us as it is: altered, cut short, made under another key, or commenters' mail is off.</summary>
    Invalid,

    /// <summary>A confirmation link older than <see cref="SubscriptionLinks.ConfirmLifetime"/> (unsubscribe links do not expire).</summary>
    Expired,
}

/// <summary>
/// The confirmation and unsubscribe links in commenters' mail, pointing at <c>{Notifications__PublicUrl}/subscriptions/…?token=…</c>.
/// A token is <c>base64url(payload) "." base64url(HMAC-SHA256)</c> under a key derived from
/// <c>Notifications__LinkSigningKey</c> for this purpose only, so it can never pass as a moderator's link.
/// <see cref="IsEnabled"/> says whether commenters may ask for mail at all (<see cref="CommenterMailOptions"/>).
/// </summary>
public sealed class SubscriptionLinks
{
    /// <summary>The routes, relative to the API root.</summary>
    public const string ConfirmRoute = "subscriptions/confirm";
    public const string UnsubscribeRoute = "subscriptions/unsubscribe";

    /// <summary>The query parameter (and form field) that carries the token.</summary>
    public const string TokenField = "token";

    /// <summary>How long a confirmation link works. Unsubscribe links work for as long as the key does.</summary>
    public static readonly TimeSpan ConfirmLifetime = TimeSpan.FromDays(30);

    private const string Version = "s1";
    private readonly byte[]? _key;
    private readonly Uri? _publicUrl;
    private readonly TimeProvider _clock;

    public SubscriptionLinks(IOptions<CommenterMailOptions> options, IOptions<NotificationOptions> notifications, IOptions<MailOptions> mail, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(mail);
        _clock = clock;
        var settings = notifications.Value;
        IsEnabled = options.Value.CommenterEmails != false && !CommenterMailOptions.Missing(settings, mail.Value).Any()
            && settings.LinkSigningKey!.Trim().Length >= CommenterMailOptions.MinimumKeyLength;
        if (IsEnabled)
        {
            _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.LinkSigningKey!.Trim()), Encoding.UTF8.GetBytes("commentary/commenter-subscriptions/v1"));
            _publicUrl = settings.PublicUrl;
        }
    }

    /// <summary>True when commenters may opt in: mail, the public address and the signing key are all set, and it is not turned off.</summary>
    public bool IsEnabled { get; }

    /// <summary>A link to confirm the address whose keyed hash is <paramref name="subscriber"/>.</summary>
    public Uri Confirm(string subscriber) => Create(new SubscriptionLink(SubscriptionLinkPurpose.Confirm, subscriber, null, _clock.GetUtcNow()));

    /// <summary>A one-click unsubscribe link: from one article's discussions (<paramref name="slug"/>), or from everything (null).</summary>
    public Uri Unsubscribe(string subscriber, string? slug) => Create(new SubscriptionLink(SubscriptionLinkPurpose.Unsubscribe, subscriber, slug, _clock.GetUtcNow()));

    private Uri Create(SubscriptionLink link)
    {
        if (!IsEnabled)
        {
            throw new InvalidOperationException("Commenters' mail is off: no links are made.");
        }

        var route = link.Purpose == SubscriptionLinkPurpose.Confirm ? ConfirmRoute : UnsubscribeRoute;
        return new Uri($"{_publicUrl!.AbsoluteUri.TrimEnd('/')}/{route}?{TokenField}={Write(link)}");
    }

    /// <summary>The token for a link (public for tests of tampering; mail carries it inside <see cref="Confirm"/> and <see cref="Unsubscribe"/>).</summary>
    public string Write(SubscriptionLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (_key is null)
        {
            throw new InvalidOperationException("Commenters' mail is off: no links are made.");
        }

        var payload = string.Join('|', Version, link.Purpose == SubscriptionLinkPurpose.Confirm ? "c" : "u", link.Subscriber, link.Slug ?? "*",
            link.IssuedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var bytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url(bytes) + "." + Base64Url(HMACSHA256.HashData(_key, bytes));
    }

    /// <summary>What a token that came back says, for the purpose the route expects.</summary>
    public (SubscriptionLinkReading Reading, SubscriptionLink? Link) Read(string? token, SubscriptionLinkPurpose purpose)
    {
        if (_key is null || string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return (SubscriptionLinkReading.Invalid, null);
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || FromBase64Url(token[..dot]) is not { } payload || FromBase64Url(token[(dot + 1)..]) is not { } signature
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return (SubscriptionLinkReading.Invalid, null);
        }

        var parts = Encoding.UTF8.GetString(payload).Split('|');
        if (parts.Length != 5 || parts[0] != Version || parts[1] != (purpose == SubscriptionLinkPurpose.Confirm ? "c" : "u")
            || !CommenterSubscriptions.IsSubscriberKey(parts[2]) || !(parts[3] == "*" || Slug.IsValid(parts[3]))
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253_402_300_799)
        {
            return (SubscriptionLinkReading.Invalid, null);
        }

        var link = new SubscriptionLink(purpose, parts[2], parts[3] == "*" ? null : parts[3], DateTimeOffset.FromUnixTimeSeconds(seconds));
        return purpose == SubscriptionLinkPurpose.Confirm && _clock.GetUtcNow() - link.IssuedAt > ConfirmLifetime
            ? (SubscriptionLinkReading.Expired, link)
            : (SubscriptionLinkReading.Valid, link);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var padded = text.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (text.Length % 4)) % 4);
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}
