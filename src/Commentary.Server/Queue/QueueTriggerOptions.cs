using Azure.Storage.Queues;

namespace Commentary.Server.Queue;

/// <summary>
/// The queue trigger's settings, read from the Functions app's own <c>host.json</c> (<c>extensions:queues</c>),
/// so the self-host's worker behaves as the trigger does in Azure.
/// </summary>
public sealed class QueueTriggerOptions
{
    public const string Section = "extensions:queues";

    public int BatchSize { get; set; } = 16;
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// When this few messages are still being processed, the next batch is fetched (the Functions default is half a
    /// batch), so one slow message does not hold up the rest of the queue.
    /// </summary>
    public int? NewBatchThreshold { get; set; }

    public int FetchThreshold => Math.Clamp(NewBatchThreshold ?? BatchSize / 2, 0, Math.Max(BatchSize - 1, 0));

    /// <summary>How long a failed message stays hidden before it is tried again.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromMinutes(1);

    public string MessageEncoding { get; set; } = "base64";

    /// <summary>How long a received message stays hidden while it is processed; it reappears if the process dies.</summary>
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromSeconds(30);

    public QueueMessageEncoding Encoding => MessageEncoding.Trim().ToLowerInvariant() switch
    {
        "base64" => QueueMessageEncoding.Base64,
        "none" => QueueMessageEncoding.None,
        _ => throw new InvalidOperationException($"host.json extensions.queues.messageEncoding must be 'base64' or 'none', not '{MessageEncoding}'."),
    };
}
