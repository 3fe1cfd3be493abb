namespace Commentary.Core.Notifications;

/// <summary>
/// The producer side of the <c>notifications</c> queue. Each happening is one queue send, whatever its events and
/// however many recipients they have; the sending itself happens in the <c>SendNotifications</c> trigger.
/// </summary>
public sealed partial class NotificationOutbox(
    StorageClients storage, IEnumerable<INotificationInterest> interests, TimeProvider clock, ILogger<NotificationOutbox> logger)
{
    private readonly INotificationInterest[] _interests = [.. interests];

    /// <summary>
    /// Queues the events in one message, unless no one wants any of them (<see cref="INotificationInterest"/>).
    /// Storage failures are thrown, so a queue trigger's message is retried.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Any(e => _interests.Any(i => i.Wants(e.Kind))))
        {
            await SendAsync(new NotificationMessage { Events = events }, TimeSpan.Zero, cancellationToken);
        }
    }

    /// <summary>
    /// Queues the events for a request that already did its work (a moderator's action): a queue that cannot be
    /// reached costs the notification, never the action. Returns false then, after one error log naming the comment.
    /// </summary>
    public async Task<bool> TryEnqueueAsync(IReadOnlyList<NotificationEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            await EnqueueAsync(events, cancellationToken);
            return true;
        }
        catch (Azure.RequestFailedException e)
        {
            LogNotQueued(logger, string.Join(",", events.Select(x => x.CommentId).Distinct()), string.Join(",", events.Select(x => x.Kind)), e.Message);
            return false;
        }
    }

    /// <summary>Sends a message that becomes visible after <paramref name="delay"/> (a retry's back-off, a digest now).</summary>
    public async Task SendAsync(NotificationMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var stamped = message.FirstTried is null ? message with { FirstTried = clock.GetUtcNow() } : message;
        await storage.Notifications.SendMessageAsync(stamped.ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notifications ({Kinds}) for comment {CommentId} could not be queued and are lost: {Problem}")]
    private static partial void LogNotQueued(ILogger logger, string commentId, string kinds, string problem);
}
