using Commentary.Core.Notifications;
using Commentary.Server.Maintenance;

namespace Commentary.Server.Queue;

/// <summary>
/// The self-host's <c>SendNotifications</c> trigger on <c>notifications</c>. A message's channels are called in
/// parallel, so the usual lease covers the slowest (SMTP's 20 s time-out); one that runs out only makes a second
/// delivery find the first one's claims and try again later.
/// </summary>
public sealed class NotificationQueueWorker(QueueTriggerSetup setup, NotificationDispatcher dispatcher) : QueueTriggerWorker(setup)
{
    protected override string QueueName => StorageNames.NotificationsQueue;

    protected override Task HandleMessageAsync(string text, CancellationToken cancellationToken) => dispatcher.HandleAsync(text, cancellationToken);

    protected override string CommentIdOf(string text) => NotificationMessage.CommentIdsOf(text);
}

/// <summary>
/// The self-host's stand-in for the <c>SendNotificationDigest</c> timer: checks a few times per digest interval (at
/// most every minute, at least every second) whether the oldest held comment has waited long enough.
/// </summary>
public sealed class NotificationDigestWorker(HeldDigest digest, StorageInitializer storageInitializer, IOptions<NotificationOptions> options, ILogger<NotificationDigestWorker> logger)
    : PeriodicJob(storageInitializer, logger)
{
    protected override string Name => "Sending the digest of held comments";

    protected override TimeSpan FirstRunAfter => TimeSpan.FromSeconds(1);

    protected override TimeSpan Every => TimeSpan.FromTicks(Math.Clamp(options.Value.DigestInterval.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute));

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => digest.RunAsync(cancellationToken);
}
