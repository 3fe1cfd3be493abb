using Azure.Data.Tables;
using Azure.Storage.Queues;
using Commentary.Core.Storage;

namespace Commentary.Testing;

/// <summary>
/// The positive signal a test waits for before it shows that something did NOT happen (no second mail, no second
/// webhook call, no second error log): every piece of queued work has been handled. A queue trigger deletes a message
/// only after its handler has finished, and a queue's <c>ApproximateMessagesCount</c> counts hidden and leased
/// messages too (QueueTests pins this for Azurite), so a queue whose count is zero has no handler running and nothing
/// waiting out a delay. Mail and webhook calls are made inside the handler, and the SMTP server and the webhook
/// receiver keep what they got before they answer, so whatever was sent has arrived by then.
/// </summary>
public static class Drained
{
    /// <summary>
    /// Waits until every queue is empty, checked in the order given within one pass. Name upstream queues first: a
    /// handler queues its downstream work before its own message is deleted, so once an upstream queue is empty,
    /// everything it will ever send downstream is already on the downstream queue.
    /// </summary>
    public static Task QueuesAsync(TimeSpan? timeout, params QueueClient[] queues)
    {
        ArgumentNullException.ThrowIfNull(queues);
        return Eventually.GetAsync(async () => await AllEmptyAsync(queues) ? "drained" : null,
            "the queues " + string.Join(", ", queues.Select(q => q.Name)) + " to drain", timeout);
    }

    /// <summary>Waits until one queue holds no message, visible or not.</summary>
    public static Task QueueAsync(QueueClient queue, TimeSpan? timeout = null) => QueuesAsync(timeout, queue);

    /// <summary>
    /// Waits until every notification queued so far has been handled, retries waiting out their delay included: the
    /// queues that queue notifications (submissions, Akismet's) and then the notifications queue are empty.
    /// </summary>
    public static Task NotificationsAsync(StorageClients storage, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return QueuesAsync(timeout, storage.Submissions, storage.AkismetWork, storage.Notifications);
    }

    /// <summary>
    /// <see cref="NotificationsAsync"/> for a host that sends held comments in digests, whose timer queues work of its
    /// own: every held comment collected so far is in a digest that has been queued (no pending row, no digest header
    /// short of <c>queued</c> in <c>NotificationDigests</c>), and the notifications queue is empty after that. No later
    /// digest can then list any of these comments, and every digest made has been sent.
    /// </summary>
    public static Task DigestsAsync(StorageClients storage, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        QueueClient[] upstream = [storage.Submissions, storage.AkismetWork, storage.Notifications];
        return Eventually.GetAsync(async () =>
            await AllEmptyAsync(upstream) && await DigestsQueuedAsync(storage.NotificationDigests) && await AllEmptyAsync([storage.Notifications]) ? "drained" : null,
            "every held comment's digest to be sent", timeout);
    }

    private static async Task<bool> AllEmptyAsync(IEnumerable<QueueClient> queues)
    {
        foreach (var queue in queues)
        {
            if ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The rows <c>HeldDigest</c> documents: <c>p_…</c> for a collected comment not yet in a digest, <c>d_…</c> for a
    /// digest, whose <c>State</c> is <c>queued</c> once its notifications message has been sent.
    /// </summary>
    private static async Task<bool> DigestsQueuedAsync(TableClient digests)
    {
        await foreach (var row in digests.QueryAsync<TableEntity>("PartitionKey eq 'held'", select: ["RowKey", "State"]))
        {
            if (row.RowKey.StartsWith("p_", StringComparison.Ordinal)
                || (row.RowKey.StartsWith("d_", StringComparison.Ordinal) && row.GetString("State") != "queued"))
            {
                return false;
            }
        }

        return true;
    }
}
