namespace Commentary.Core.Notifications;

/// <summary>
/// The moderators, on the channels of the application settings: mail to each of <c>Notifications__ModeratorEmails</c>
/// and each webhook endpoint, for the events each takes. A held (not urgent) comment is not sent on its own while the
/// digest is on: it is collected once (<see cref="HeldDigest"/>) and goes out in the next digest.
/// </summary>
public sealed class ModeratorAudience(
    IOptions<NotificationOptions> options,
    IMailSender mail,
    IModerationLinks links,
    IHttpClientFactory http,
    HeldDigest digest,
    TimeProvider clock) : INotificationAudience
{
    /// <summary>The named HttpClient that calls webhooks: no redirects, the configured time-out.</summary>
    public const string HttpClientName = "notification-webhooks";

    /// <summary>The key of the one "collect for the digest" delivery of a held comment.</summary>
    public const string DigestKey = "digest";

    private readonly NotificationOptions _options = options.Value;
    private readonly IMailSender _mail = mail;
    private readonly IHttpClientFactory _http = http;
    private readonly TimeProvider _clock = clock;

    public ValueTask<IReadOnlyList<NotificationDelivery>> PlanAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        // A digest is for whoever takes held comments.
        var kind = notification.Kind == NotificationKinds.HeldDigest ? NotificationKinds.Held : notification.Kind;
        var addresses = _options.EmailEventKinds.Contains(kind) ? _options.ModeratorAddresses : [];
        var endpoints = _options.ActiveWebhooks.Where(w => w.Value.EventKinds.Contains(kind)).ToList();
        if (addresses.Count == 0 && endpoints.Count == 0)
        {
            return ValueTask.FromResult<IReadOnlyList<NotificationDelivery>>([]);
        }

        if (notification.Kind == NotificationKinds.Held && _options.DigestInterval > TimeSpan.Zero)
        {
            return ValueTask.FromResult<IReadOnlyList<NotificationDelivery>>([new DigestCollection(digest, notification)]);
        }

        var deliveries = new List<NotificationDelivery>();
        deliveries.AddRange(addresses.Select(a => new MailDelivery(this, notification, a)));
        deliveries.AddRange(endpoints.Select(w => new WebhookDelivery(this, notification, w.Key, w.Value)));
        return ValueTask.FromResult<IReadOnlyList<NotificationDelivery>>(deliveries);
    }

    private ModeratorNotice Notice(NotificationEvent notification, string moderator) => ModeratorNotice.For(notification, moderator, _options, links);

    private sealed class DigestCollection(HeldDigest digest, NotificationEvent notification) : NotificationDelivery
    {
        public override string Key => DigestKey;

        public override async Task<DeliveryResult> SendAsync(CancellationToken cancellationToken)
        {
            await digest.CollectAsync(notification, cancellationToken);
            return DeliveryResult.Sent;
        }
    }

    private sealed class MailDelivery(ModeratorAudience audience, NotificationEvent notification, string address) : NotificationDelivery
    {
        public override string Key { get; } = "mail:" + NotificationKeys.Hash(address);

        public override async Task<DeliveryResult> SendAsync(CancellationToken cancellationToken)
        {
            var mailbox = MimeKit.MailboxAddress.Parse(address);
            var notice = audience.Notice(notification, mailbox.Address);
            var message = new MailMessage(mailbox.Address, string.IsNullOrEmpty(mailbox.Name) ? null : mailbox.Name, notice.Subject, notice.Text(), notice.Html())
            {
                Headers = new Dictionary<string, string>
                {
                    // The same notification to the same address has the same id, so a copy sent again is one message to a mail client.
                    ["Message-ID"] = $"<{notification.Id}.{Key[5..]}@commentary.notifications>",
                    ["Auto-Submitted"] = "auto-generated",
                    ["X-Commentary-Event"] = notification.Kind,
                },
            };
            return await audience._mail.SendAsDeliveryAsync(message, cancellationToken);
        }
    }

    private sealed class WebhookDelivery(ModeratorAudience audience, NotificationEvent notification, string name, WebhookEndpointOptions endpoint) : NotificationDelivery
    {
        public override string Key { get; } = "webhook:" + name;

        public override async Task<DeliveryResult> SendAsync(CancellationToken cancellationToken)
        {
            var notice = audience.Notice(notification, name);
            var now = audience._clock.GetUtcNow();
            var body = endpoint.FormatKind switch
            {
                WebhookFormat.Slack => notice.SlackPayload(),
                WebhookFormat.Teams => notice.TeamsPayload(),
                _ => notice.StandardPayload(now),
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            // The same id on every retry, so a receiver drops a second copy.
            request.Headers.Add(WebhookSignature.IdHeader, notification.Id);
            request.Headers.Add(WebhookSignature.TimestampHeader, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (WebhookSignature.SecretBytes(endpoint.Secret) is { } key)
            {
                request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(key, notification.Id, now, body));
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(audience._options.WebhookTimeout);
            var client = audience._http.CreateClient(HttpClientName);
            try
            {
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                return status switch
                {
                    >= 200 and < 300 => DeliveryResult.Sent,
                    (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500 =>
                        DeliveryResult.RetryLater($"webhook {name} answered {status}"),
                    _ => DeliveryResult.Refused($"webhook {name} answered {status}"),
                };
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return DeliveryResult.RetryLater($"webhook {name} did not answer within {audience._options.WebhookTimeout.TotalSeconds:0.#} s");
            }
            catch (HttpRequestException e)
            {
                return DeliveryResult.RetryLater($"webhook {name} could not be reached: {e.Message}");
            }
        }
    }
}
