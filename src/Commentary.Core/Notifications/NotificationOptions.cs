namespace Commentary.Core.Notifications;

/// <summary>
/// Application settings <c>Notifications__*</c>. Secrets (the link-signing key, webhook URLs and their signing
/// secrets) live here, in app settings or Key Vault references, never in the moderators' live settings blob.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>
    /// The public address of the API root as readers and moderators reach it, e.g.
    /// <c>https://comments.example.org/api</c>: links in messages (dashboard, Approve and Reject, unsubscribe) start
    /// with it.
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>
    /// The HMAC key (at least 32 characters) that signs Approve and Reject links; without it messages carry only the
    /// dashboard link.
    /// </summary>
    public string? LinkSigningKey { get; set; }

    /// <summary>The moderators' email addresses, separated by commas or semicolons. Mail goes out through <see cref="MailOptions"/>.</summary>
    public string? ModeratorEmails { get; set; }

    /// <summary>The events the moderators' mail takes, comma-separated; <c>comment.urgent, comment.held</c> unless set.</summary>
    public string? EmailEvents { get; set; }

    /// <summary>Webhook endpoints by name (<c>Notifications__Webhooks__{name}__Url</c>, <c>__Format</c>, <c>__Secret</c>, <c>__Events</c>).</summary>
    public Dictionary<string, WebhookEndpointOptions> Webhooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Held (not urgent) comments are gathered into one message at most this often: a digest goes out this many minutes
    /// after the oldest comment in it was held, and only when something is waiting. <c>0</c> sends one message per
    /// comment. Urgent comments never wait.
    /// </summary>
    public double DigestMinutes { get; set; } = 15;

    /// <summary>The wait before the first retry of a channel that was down; each retry waits twice as long as the last.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two retries.</summary>
    public TimeSpan LongestRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long a notification is retried before it goes to <c>notifications-poison</c> (one error log naming the comment).</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a webhook endpoint may take to answer before the call counts as failed (and is retried).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The moderators' addresses, as listed.</summary>
    public IReadOnlyList<string> ModeratorAddresses => SplitList(ModeratorEmails);

    public IReadOnlyList<string> EmailEventKinds => string.IsNullOrWhiteSpace(EmailEvents) ? NotificationKinds.ModeratorDefaults : SplitList(EmailEvents);

    public TimeSpan DigestInterval => DigestMinutes > 0 ? TimeSpan.FromMinutes(DigestMinutes) : TimeSpan.Zero;

    /// <summary>True when a moderators' channel is configured (mail to moderators, or a webhook).</summary>
    public bool HasModeratorChannels => ModeratorAddresses.Count > 0 || ActiveWebhooks.Any();

    /// <summary>The endpoints with a URL: one whose URL is empty (a template's placeholder) is off.</summary>
    public IEnumerable<KeyValuePair<string, WebhookEndpointOptions>> ActiveWebhooks => Webhooks.Where(w => w.Value is { IsOn: true });

    /// <summary>The wait before retry number <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var ticks = Math.Min(FirstRetryDelay.Ticks * factor, LongestRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The dashboard's page for one comment.</summary>
    public Uri? DashboardLink(string slug, string commentId) =>
        PublicUrl is null ? null : new Uri($"{PublicUrl.AbsoluteUri.TrimEnd('/')}/ui/moderation.html#comment/{Uri.EscapeDataString(slug)}/{Uri.EscapeDataString(commentId)}");

    /// <summary>The dashboard's list of held comments.</summary>
    public Uri? DashboardHome => PublicUrl is null ? null : new Uri($"{PublicUrl.AbsoluteUri.TrimEnd('/')}/ui/moderation.html");

    internal static IReadOnlyList<string> SplitList(string? value) =>
        (value ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// What is wrong, one sentence each naming the setting. Webhook URLs must be https; plain http is allowed only for a
    /// loopback address and only when <paramref name="development"/>.
    /// </summary>
    public static IEnumerable<string> Problems(NotificationOptions options, bool development)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PublicUrl is { } publicUrl && (!publicUrl.IsAbsoluteUri || (publicUrl.Scheme != Uri.UriSchemeHttps && publicUrl.Scheme != Uri.UriSchemeHttp)))
        {
            yield return "Notifications:PublicUrl must be an absolute http(s) address, e.g. https://comments.example.org/api.";
        }
        else if (options.PublicUrl is null && options.HasModeratorChannels)
        {
            yield return "Notifications:PublicUrl is needed when moderators are notified: every message links to the dashboard (e.g. https://comments.example.org/api).";
        }

        foreach (var address in options.ModeratorAddresses)
        {
            if (!MimeKit.MailboxAddress.TryParse(address, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
            {
                yield return $"Notifications:ModeratorEmails has \"{address}\", which is not an email address.";
            }
        }

        foreach (var kind in options.EmailEventKinds.Where(k => !NotificationKinds.All.Contains(k)))
        {
            yield return $"Notifications:EmailEvents has \"{kind}\"; the events are {string.Join(", ", NotificationKinds.All)}.";
        }

        if (!double.IsFinite(options.DigestMinutes) || options.DigestMinutes is < 0 or > 1440)
        {
            yield return "Notifications:DigestMinutes must be from 0 (one message per held comment) to 1440.";
        }

        if (options.FirstRetryDelay <= TimeSpan.Zero || options.LongestRetryDelay < options.FirstRetryDelay)
        {
            yield return "Notifications:FirstRetryDelay must be positive, and Notifications:LongestRetryDelay at least as long.";
        }

        if (options.LongestRetryDelay > TimeSpan.FromDays(6))
        {
            // A queue message can be hidden for at most seven days.
            yield return "Notifications:LongestRetryDelay must be at most 6 days.";
        }

        if (options.RetryFor < TimeSpan.Zero)
        {
            yield return "Notifications:RetryFor must not be negative.";
        }

        if (options.WebhookTimeout <= TimeSpan.Zero || options.WebhookTimeout > TimeSpan.FromMinutes(2))
        {
            yield return "Notifications:WebhookTimeout must be more than 0 and at most 2 minutes.";
        }

        foreach (var (name, endpoint) in options.ActiveWebhooks)
        {
            foreach (var problem in WebhookProblems(name, endpoint, development))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> WebhookProblems(string name, WebhookEndpointOptions endpoint, bool development)
    {
        var setting = $"Notifications:Webhooks:{name}";
        if (!NotificationKeys.IsSafe(name) || name.Length > 60)
        {
            yield return $"{setting}: an endpoint's name may have letters, digits, '.', '-' and '_' only, up to 60.";
        }

        if (endpoint is null)
        {
            yield break;
        }

        if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url))
        {
            yield return $"{setting}:Url must be an absolute https:// address.";
        }
        else if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback && development))
        {
            yield return $"{setting}:Url must be https (plain http is allowed only for a loopback address in development), not '{url.Scheme}://{url.Host}'.";
        }

        if (endpoint.FormatKind is null)
        {
            yield return $"{setting}:Format must be standard, slack or teams, not \"{endpoint.Format}\".";
        }

        if (!string.IsNullOrEmpty(endpoint.Secret) && WebhookSignature.SecretBytes(endpoint.Secret) is null)
        {
            yield return $"{setting}:Secret must be \"whsec_\" and the base64 of 24 to 64 random bytes.";
        }
        else if (string.IsNullOrEmpty(endpoint.Secret) && endpoint.FormatKind == WebhookFormat.Standard)
        {
            yield return $"{setting}:Secret is needed for the standard format: receivers check each call's signature with it (\"whsec_\" and base64).";
        }

        foreach (var kind in endpoint.EventKinds.Where(k => !NotificationKinds.All.Contains(k)))
        {
            yield return $"{setting}:Events has \"{kind}\"; the events are {string.Join(", ", NotificationKinds.All)}.";
        }
    }

    /// <summary>The digest interval in words, for log lines and docs.</summary>
    public string DigestDescription => DigestMinutes > 0
        ? DigestMinutes.ToString(CultureInfo.InvariantCulture) + " minutes"
        : "off";
}

/// <summary>The payload a webhook endpoint is sent.</summary>
public enum WebhookFormat
{
    /// <summary>Our JSON, signed per Standard Webhooks: <c>{"type", "timestamp", "data"}</c>.</summary>
    Standard,

    /// <summary>A Slack incoming webhook: <c>text</c> and Block Kit blocks.</summary>
    Slack,

    /// <summary>A Microsoft Teams Workflows "when a webhook request is received" flow: an Adaptive Card.</summary>
    Teams,
}

/// <summary>One webhook endpoint, <c>Notifications__Webhooks__{name}__*</c>.</summary>
public sealed class WebhookEndpointOptions
{
    /// <summary>The URL to POST to (a secret itself for Slack and Teams: keep it in app settings or Key Vault).</summary>
    public string? Url { get; set; }

    /// <summary><c>standard</c> (the default), <c>slack</c> or <c>teams</c>.</summary>
    public string? Format { get; set; }

    /// <summary>The format, or null when <see cref="Format"/> names none.</summary>
    public WebhookFormat? FormatKind => string.IsNullOrWhiteSpace(Format)
        ? WebhookFormat.Standard
        : Enum.TryParse<WebhookFormat>(Format.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !char.IsDigit(Format.Trim()[0]) ? kind : null;

    /// <summary>The Standard Webhooks signing secret, <c>whsec_</c> and base64; every call is signed with it when set.</summary>
    public string? Secret { get; set; }

    /// <summary>The events the endpoint takes, comma-separated; <c>comment.urgent, comment.held</c> unless set.</summary>
    public string? Events { get; set; }

    /// <summary>False while <see cref="Url"/> is empty: the endpoint is off, whatever else is set.</summary>
    public bool IsOn => !string.IsNullOrWhiteSpace(Url);

    public IReadOnlyList<string> EventKinds => string.IsNullOrWhiteSpace(Events) ? NotificationKinds.ModeratorDefaults : NotificationOptions.SplitList(Events);
}
