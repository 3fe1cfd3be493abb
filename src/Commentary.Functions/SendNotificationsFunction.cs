using Commentary.Core.Notifications;

namespace Commentary.Functions;

/// <summary>
/// Sends notification events to their recipients, each at most once. A channel that is down is retried by the
/// dispatcher itself (the message queued again with a growing delay); failures of our storage are rethrown for the
/// host's retries and, after <c>maxDequeueCount</c>, <c>notifications-poison</c> (host.json).
/// </summary>
public sealed class SendNotificationsFunction(NotificationDispatcher dispatcher, HeldDigest digest)
{
    /// <summary>Every minute: the digest of held comments goes out once its oldest has waited <c>Notifications__DigestMinutes</c>.</summary>
    public const string DigestSchedule = "20 * * * * *";

    [Function(FunctionNames.SendNotifications)]
    public Task Run(
        [QueueTrigger(StorageNames.NotificationsQueue, Connection = StorageNames.ConnectionSetting)] string message,
        CancellationToken cancellationToken) =>
        dispatcher.HandleAsync(message, cancellationToken);

    [Function(FunctionNames.SendNotificationDigest)]
    public Task Digest([TimerTrigger(DigestSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.RunAsync(cancellationToken);
}
