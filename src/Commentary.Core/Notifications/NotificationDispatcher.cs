namespace Commentary.Core.Notifications;

/// <summary>
/// The body of the <c>SendNotifications</c> queue trigger, shared by both hosts. For each event of a message, every
/// <see cref="INotificationAudience"/> names its deliveries; each is claimed in <see cref="NotificationDeliveries"/>
/// (so a redelivered message sends nothing twice), sent, and its outcome recorded. Deliveries whose channel is down
/// are retried by queueing the message again, hidden for a growing delay (<see cref="NotificationOptions.RetryDelay"/>);
/// after <see cref="NotificationOptions.RetryFor"/> it goes to <c>notifications-poison</c> with one error log naming
/// the comment. A channel that refuses a message for good (a 4xx) is logged once and not tried again. Failures of our
/// own storage are thrown: the queue trigger's retries (host.json) take care of them.
/// </summary>
public sealed partial class NotificationDispatcher(
    StorageClients storage,
    IEnumerable<INotificationAudience> audiences,
    NotificationDeliveries deliveries,
    HeldDigest digest,
    NotificationOutbox outbox,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger)
{
    private readonly INotificationAudience[] _audiences = [.. audiences];

    public async Task HandleAsync(string messageText, CancellationToken cancellationToken)
    {
        var message = NotificationMessage.Parse(messageText);
        if (message is null)
        {
            await storage.NotificationsPoison.SendMessageAsync(messageText ?? string.Empty, cancellationToken);
            LogUnreadable(logger);
            return;
        }

        var events = new List<NotificationEvent>();
        if (message.Digest is { } digestId)
        {
            if (await digest.LoadAsync(digestId, cancellationToken) is not { } loaded)
            {
                LogDigestGone(logger, digestId);
                return;
            }

            events.Add(loaded);
        }
        else
        {
            events.AddRange(message.Events);
        }

        var problems = new List<string>();
        foreach (var notification in events)
        {
            foreach (var audience in _audiences)
            {
                var planned = await audience.PlanAsync(notification, cancellationToken);
                var outcomes = await Task.WhenAll(planned.Select(d => DeliverAsync(notification, d, cancellationToken)));
                problems.AddRange(outcomes.OfType<string>());
            }
        }

        if (problems.Count > 0)
        {
            await RetryLaterAsync(message, events, problems, cancellationToken);
        }
    }

    /// <summary>Sends one delivery unless it was sent before; returns the problem when it should be tried again.</summary>
    private async Task<string?> DeliverAsync(NotificationEvent notification, NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        switch (await deliveries.ClaimAsync(notification, delivery.Key, cancellationToken))
        {
            case DeliveryClaim.AlreadySent or DeliveryClaim.AlreadyRefused:
                return null;
            case DeliveryClaim.Busy:
                return $"{delivery.Key} is being sent by another delivery of this message";
        }

        DeliveryResult result;
        try
        {
            result = await delivery.SendAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await deliveries.RecordAsync(notification, delivery.Key, NotificationDeliveries.Waiting, "stopped while sending", CancellationToken.None);
            throw;
        }
#pragma warning disable CA1031 // Whatever a channel throws, the delivery is only tried again later; the others go on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            result = DeliveryResult.RetryLater(e.Message);
        }

        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                await deliveries.RecordAsync(notification, delivery.Key, NotificationDeliveries.Sent, null, cancellationToken);
                LogSent(logger, notification.Kind, notification.CommentIds, delivery.Key);
                return null;
            case DeliveryOutcome.Refused:
                await deliveries.RecordAsync(notification, delivery.Key, NotificationDeliveries.Refused, result.Problem, cancellationToken);
                LogRefused(logger, notification.Kind, notification.CommentIds, delivery.Key, result.Problem ?? string.Empty);
                return null;
            default:
                await deliveries.RecordAsync(notification, delivery.Key, NotificationDeliveries.Waiting, result.Problem, cancellationToken);
                return $"{delivery.Key}: {result.Problem}";
        }
    }

    private async Task RetryLaterAsync(NotificationMessage message, List<NotificationEvent> events, List<string> problems, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempt = message.Attempt + 1;
        var delay = settings.RetryDelay(attempt);
        var started = message.FirstTried ?? clock.GetUtcNow();
        var commentIds = string.Join(",", events.Select(e => e.CommentIds).Distinct());
        var problem = string.Join("; ", problems);
        if (clock.GetUtcNow() + delay - started > settings.RetryFor)
        {
            await storage.NotificationsPoison.SendMessageAsync((message with { Attempt = attempt }).ToJson(), cancellationToken);
            LogGaveUp(logger, string.Join(",", events.Select(e => e.Kind).Distinct()), commentIds, attempt, problem);
            return;
        }

        await outbox.SendAsync(message with { Attempt = attempt, FirstTried = started }, delay, cancellationToken);
        LogRetrying(logger, commentIds, attempt, delay, problem);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An unreadable message on the notifications queue was moved to its poison queue")]
    private static partial void LogUnreadable(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestId} is gone (swept after a week); nothing to send")]
    private static partial void LogDigestGone(ILogger logger, string digestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {Kind} for comment {CommentId} sent to {Recipient}")]
    private static partial void LogSent(ILogger logger, string kind, string commentId, string recipient);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {Kind} for comment {CommentId} was refused by {Recipient} and will not be retried: {Problem}")]
    private static partial void LogRefused(ILogger logger, string kind, string commentId, string recipient, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifications for comment {CommentId} wait for a channel that is down; try {Attempt} in {Delay}: {Problem}")]
    private static partial void LogRetrying(ILogger logger, string commentId, int attempt, TimeSpan delay, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notifications ({Kinds}) for comment {CommentId} moved to the poison queue after {Attempts} tries: {Problem}")]
    private static partial void LogGaveUp(ILogger logger, string kinds, string commentId, int attempts, string problem);
}
