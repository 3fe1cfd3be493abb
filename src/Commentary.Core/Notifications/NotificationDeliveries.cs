namespace Commentary.Core.Notifications;

/// <summary>What <see cref="NotificationDeliveries.ClaimAsync"/> found.</summary>
public enum DeliveryClaim
{
    /// <summary>This caller may send now; it must then record the outcome.</summary>
    Claimed,

    /// <summary>Sent before: do nothing.</summary>
    AlreadySent,

    /// <summary>Refused for good before (a 4xx): do nothing, it was logged then.</summary>
    AlreadyRefused,

    /// <summary>Another delivery of the same message is sending it right now: try again later.</summary>
    Busy,
}

/// <summary>
/// The dedupe rows that make each notification go to each recipient at most once, however often its queue message is
/// delivered: table <c>NotificationDeliveries</c>, PartitionKey = event id, RowKey = recipient and channel. A sender
/// claims the row (state <c>sending</c>, with a lease) before it sends and records <c>sent</c> or <c>refused</c>
/// after; a failure that may pass returns it to <c>waiting</c>. A claim whose lease ran out is one whose sender died
/// mid-send; the next delivery takes it over (the only way a message can go twice: the process died after the channel
/// took it and before the row said so). Each claim carries its own token, so a claim whose answer was lost, and which
/// the SDK therefore sent again (to meet its own row: 409 on insert, 412 on update), is still recognised as this
/// caller's, not as another sender's claim that would hold the delivery up for a whole lease.
/// </summary>
public sealed class NotificationDeliveries(StorageClients storage, TimeProvider clock)
{
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Refused = "refused";
    public const string Waiting = "waiting";

    /// <summary>How long a claim holds: longer than any one send may take (SMTP's 20 s time-out, a webhook's at most 2 min).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);

    private readonly TableClient _table = storage.NotificationDeliveries;

    public async Task<DeliveryClaim> ClaimAsync(NotificationEvent notification, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var now = clock.GetUtcNow();
        var claim = Guid.NewGuid().ToString("N");
        var row = new TableEntity(notification.Id, key)
        {
            ["State"] = Sending,
            ["Claim"] = claim,
            ["LeaseUntil"] = now + Lease,
            ["Kind"] = notification.Kind,
            ["Slug"] = notification.Slug,
            ["CommentId"] = notification.CommentIds.Length > 30_000 ? notification.CommentIds[..30_000] : notification.CommentIds,
            ["Tries"] = 1,
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken);
            return DeliveryClaim.Claimed;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Delivered before (or being delivered): read what became of it.
        }

        var existing = await ReadAsync(notification.Id, key, cancellationToken);
        if (IsOurs(existing, claim))
        {
            return DeliveryClaim.Claimed;
        }

        switch (existing.GetString("State"))
        {
            case Sent:
                return DeliveryClaim.AlreadySent;
            case Refused:
                return DeliveryClaim.AlreadyRefused;
            case Sending when existing.GetDateTimeOffset("LeaseUntil") > now:
                return DeliveryClaim.Busy;
        }

        existing["State"] = Sending;
        existing["Claim"] = claim;
        existing["LeaseUntil"] = now + Lease;
        existing["Tries"] = (existing.GetInt32("Tries") ?? 0) + 1;
        try
        {
            await _table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
            return DeliveryClaim.Claimed;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            // Someone else's claim came first, or this one did and its answer was lost.
            return e.Status == (int)HttpStatusCode.PreconditionFailed && IsOurs(await ReadAsync(notification.Id, key, cancellationToken), claim)
                ? DeliveryClaim.Claimed
                : DeliveryClaim.Busy;
        }
    }

    private async Task<TableEntity> ReadAsync(string eventId, string key, CancellationToken cancellationToken) =>
        (await _table.GetEntityAsync<TableEntity>(eventId, key, cancellationToken: cancellationToken)).Value;

    private static bool IsOurs(TableEntity row, string claim) =>
        row.GetString("State") == Sending && row.GetString("Claim") == claim;

    /// <summary>Records what became of a claimed delivery: <see cref="Sent"/>, <see cref="Refused"/> or <see cref="Waiting"/> (to be retried).</summary>
    public async Task RecordAsync(NotificationEvent notification, string key, string state, string? problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var row = new TableEntity(notification.Id, key)
        {
            ["State"] = state,
            ["At"] = clock.GetUtcNow(),
            ["Problem"] = problem is { Length: > 1000 } ? problem[..1000] : problem,
        };

        // Merged without a condition: the claim is ours until its lease ends, which is longer than any send.
        await _table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The recorded state of one delivery, or null when none was ever tried.</summary>
    public async Task<string?> StateAsync(string eventId, string key, CancellationToken cancellationToken)
    {
        return (await _table.FindAsync(eventId, key, cancellationToken))?.GetString("State");
    }
}
