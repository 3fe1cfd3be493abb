namespace Commentary.Core.Notifications;

/// <summary>
/// Application setting <c>Notifications__CommenterEmails</c>: whether readers may ask, on the comment form, to be
/// emailed when their comment is published or answered. Unset, it is on whenever it can be: mail settings
/// (<see cref="MailOptions"/>), <see cref="NotificationOptions.PublicUrl"/> (https, or a loopback address) and
/// <see cref="NotificationOptions.LinkSigningKey"/>, which signs the confirmation and unsubscribe links.
/// </summary>
public sealed class CommenterMailOptions
{
    /// <summary>The settings live beside the other notification settings.</summary>
    public const string Section = NotificationOptions.Section;

    /// <summary><c>false</c> turns commenters' mail off; <c>true</c> insists on it (start-up fails naming what is missing); unset, on when possible.</summary>
    public bool? CommenterEmails { get; set; }

    /// <summary>The shortest <see cref="NotificationOptions.LinkSigningKey"/> accepted.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>What is missing for commenters' mail, one sentence each naming the setting; empty when it can be on.</summary>
    public static IEnumerable<string> Missing(NotificationOptions notifications, MailOptions mail)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(mail);
        if (!mail.IsConfigured)
        {
            yield return "Mail:Host and Mail:From are needed to send commenters mail.";
        }

        if (notifications.PublicUrl is not { IsAbsoluteUri: true } url)
        {
            yield return "Notifications:PublicUrl is needed: confirmation and unsubscribe links start with it (e.g. https://comments.example.org/api).";
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        {
            yield return "Notifications:PublicUrl must be https for commenters' mail: one-click unsubscribe (RFC 8058) needs an https address.";
        }

        if (string.IsNullOrWhiteSpace(notifications.LinkSigningKey))
        {
            yield return "Notifications:LinkSigningKey is needed: it signs the confirmation and unsubscribe links.";
        }
    }

    /// <summary>What stops start-up, one sentence each naming the setting.</summary>
    public static IEnumerable<string> Problems(CommenterMailOptions options, NotificationOptions notifications, MailOptions mail)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notifications);
        if (notifications.LinkSigningKey is { Length: > 0 } key && key.Trim().Length < MinimumKeyLength)
        {
            yield return $"Notifications:LinkSigningKey must be at least {MinimumKeyLength} characters (a random string, e.g. from 'openssl rand -base64 48').";
        }

        if (options.CommenterEmails == true)
        {
            foreach (var missing in Missing(notifications, mail))
            {
                yield return "Notifications:CommenterEmails is true, but: " + missing;
            }
        }
    }
}
