namespace Commentary.Core.Notifications;

/// <summary>
/// Whoever is told about events: the moderators (<see cref="ModeratorAudience"/>), and whoever else registers one
/// (commenters who asked to be told). The dispatcher asks every audience for its deliveries of each event, then sends
/// each one at most once (a dedupe row keyed by event id and <see cref="NotificationDelivery.Key"/>), retrying with
/// back-off while its channel is down.
/// </summary>
public interface INotificationAudience
{
    /// <summary>
    /// The deliveries this audience wants for <paramref name="notification"/>, none when it does not care. Called
    /// again for every redelivery and retry of the same event, so it must name the same recipient with the same
    /// <see cref="NotificationDelivery.Key"/> each time.
    /// </summary>
    ValueTask<IReadOnlyList<NotificationDelivery>> PlanAsync(NotificationEvent notification, CancellationToken cancellationToken);
}

/// <summary>
/// Whether anyone may want an event of a kind: the outbox queues nothing nobody listens for, so a site without
/// notifications pays no queue send per comment. Each audience registers one (as a singleton) next to itself; it must
/// be cheap (no storage calls) and say yes when in doubt.
/// </summary>
public interface INotificationInterest
{
    bool Wants(string kind);
}

/// <summary>The moderators want the kinds their configured channels take.</summary>
public sealed class ModeratorInterest(Microsoft.Extensions.Options.IOptions<NotificationOptions> options) : INotificationInterest
{
    public bool Wants(string kind)
    {
        var settings = options.Value;
        return (settings.ModeratorAddresses.Count > 0 && settings.EmailEventKinds.Contains(kind))
            || settings.ActiveWebhooks.Any(w => w.Value.EventKinds.Contains(kind));
    }
}

/// <summary>One message to one recipient over one channel.</summary>
public abstract class NotificationDelivery
{
    /// <summary>
    /// The recipient and channel, stable across retries and safe as a table key (<see cref="NotificationKeys.IsSafe"/>):
    /// <c>mail:{hash of the address}</c>, <c>webhook:{endpoint}</c>. Never a plain address: it is stored and logged.
    /// </summary>
    public abstract string Key { get; }

    /// <summary>Sends the message. Throwing counts as <see cref="DeliveryResult.RetryLater"/>.</summary>
    public abstract Task<DeliveryResult> SendAsync(CancellationToken cancellationToken);
}

public enum DeliveryOutcome
{
    /// <summary>The channel took the message.</summary>
    Sent,

    /// <summary>The channel is down or busy (timeout, 5xx, 408, 429, SMTP unreachable): try again later.</summary>
    RetryLater,

    /// <summary>The channel refused the message for good (4xx, a mailbox that does not exist): never try again.</summary>
    Refused,
}

public sealed record DeliveryResult(DeliveryOutcome Outcome, string? Problem = null)
{
    public static DeliveryResult Sent { get; } = new(DeliveryOutcome.Sent);

    public static DeliveryResult RetryLater(string problem) => new(DeliveryOutcome.RetryLater, problem);

    public static DeliveryResult Refused(string problem) => new(DeliveryOutcome.Refused, problem);
}
