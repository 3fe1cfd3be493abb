namespace Commentary.Core.Notifications;

/// <summary>
/// The digest of held comments, exactly once, in table <c>NotificationDigests</c> (one partition, <c>held</c>):
/// <list type="bullet">
/// <item>A held comment is collected once: <c>e_{event}</c> (seen) and <c>p_{time}_{event}</c> (pending) are added in one
/// transaction, so a redelivered event finds <c>e_</c> and adds nothing.</item>
/// <item>The digest job (<see cref="RunAsync"/>, a timer) holds the <c>lease</c> row (claimed by ETag), so one runs at a
/// time. When the oldest pending comment has waited <see cref="NotificationOptions.DigestMinutes"/>, it writes a header
/// <c>d_{digest}</c> (claiming), copies the pending rows to <c>i_{digest}_…</c>, marks it claimed, deletes the pending
/// rows, queues one <c>notifications</c> message naming the digest, and marks it queued.</item>
/// <item>A job that dies anywhere in between leaves a header that is not <c>queued</c>; the next run finishes that
/// digest before it starts another. Queuing it twice is harmless: its deliveries are deduplicated by the digest's id.</item>
/// </list>
/// </summary>
public sealed partial class HeldDigest(
    StorageClients storage,
    NotificationOutbox outbox,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<HeldDigest> logger)
{
    /// <summary>The most comments one digest lists; more waiting go out in further digests of the same run.</summary>
    public const int MaxItems = 200;

    private const string Partition = "held";
    private const string LeaseRow = "lease";
    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    private readonly TableClient _table = storage.NotificationDigests;

    /// <summary>Adds a held comment to the next digest, unless it was added before.</summary>
    public async Task CollectAsync(NotificationEvent notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var seen = new TableEntity(Partition, "e_" + notification.Id) { ["At"] = clock.GetUtcNow() };
        var pending = new TableEntity(Partition, PendingKey(notification))
        {
            ["At"] = notification.At,
            ["Event"] = JsonSerializer.Serialize(notification, NotificationMessage.Json),
        };
        try
        {
            await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, seen), new TableTransactionAction(TableTransactionActionType.Add, pending)],
                cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // Collected before: this is a redelivery.
        }
    }

    /// <summary>Sends every digest that is due; returns how many were queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var lease = await TryLeaseAsync(cancellationToken);
        if (lease is null)
        {
            return 0;
        }

        var queued = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var header = await UnfinishedAsync(cancellationToken) ?? await StartAsync(cancellationToken);
                if (header is null)
                {
                    break;
                }

                await FinishAsync(header, cancellationToken);
                queued++;
            }
        }
        finally
        {
            await ReleaseAsync(lease, cancellationToken);
        }

        return queued;
    }

    /// <summary>A digest as one event: the held comments it gathers, oldest first.</summary>
    public async Task<NotificationEvent?> LoadAsync(string digestId, CancellationToken cancellationToken)
    {
        if (await _table.FindAsync(Partition, "d_" + digestId, cancellationToken) is not { } header)
        {
            return null;
        }

        var items = new List<NotificationEvent>();
        await foreach (var row in _table.QueryAsync<TableEntity>(Prefix("i_" + digestId + "_"), cancellationToken: cancellationToken))
        {
            if (JsonSerializer.Deserialize<NotificationEvent>(row.GetString("Event") ?? "null", NotificationMessage.Json) is { } item)
            {
                items.Add(item);
            }
        }

        return new NotificationEvent
        {
            Id = digestId,
            Kind = NotificationKinds.HeldDigest,
            Slug = string.Empty,
            CommentId = string.Empty,
            At = header.GetDateTimeOffset("Created") ?? clock.GetUtcNow(),
            Author = string.Empty,
            Excerpt = string.Empty,
            Status = "pending",
            Digest = items,
        };
    }

    private async Task<TableEntity?> UnfinishedAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {"d_"} and RowKey lt {"d`"} and State ne {"queued"}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            return row;
        }

        return null;
    }

    /// <summary>A new digest header when the oldest pending comment has waited long enough; null when none is due.</summary>
    private async Task<TableEntity?> StartAsync(CancellationToken cancellationToken)
    {
        TableEntity? oldest = null;
        await foreach (var row in _table.QueryAsync<TableEntity>(Prefix("p_"), maxPerPage: 1, select: ["RowKey", "At"], cancellationToken: cancellationToken))
        {
            oldest = row;
            break;
        }

        var now = clock.GetUtcNow();
        if (oldest is null || (oldest.GetDateTimeOffset("At") ?? now) + options.Value.DigestInterval > now)
        {
            return null;
        }

        await SweepAsync(now, cancellationToken);
        var id = "digest-" + now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
        var header = new TableEntity(Partition, "d_" + id) { ["State"] = "claiming", ["Created"] = now, ["Digest"] = id };
        await _table.AddEntityAsync(header, cancellationToken);
        return header;
    }

    private async Task FinishAsync(TableEntity header, CancellationToken cancellationToken)
    {
        var id = header.GetString("Digest")!;
        if (header.GetString("State") == "claiming")
        {
            // Copies of the pending rows, keyed by the pending row: copying again after a crash keeps one of each.
            var pending = await ListAsync(Prefix("p_"), MaxItems, cancellationToken);
            foreach (var chunk in pending.Chunk(100))
            {
                await _table.SubmitTransactionAsync(
                    chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, ItemKey(id, p.RowKey))
                    {
                        ["At"] = p.GetDateTimeOffset("At"),
                        ["Event"] = p.GetString("Event"),
                        ["Pending"] = p.RowKey,
                    })),
                    cancellationToken);
            }

            header["State"] = "claimed";
            await _table.UpdateEntityAsync(header, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }

        var items = await ListAsync(Prefix("i_" + id + "_"), int.MaxValue, cancellationToken);
        await Task.WhenAll(items.Select(i => DeleteAsync(i.GetString("Pending"), cancellationToken)));
        if (items.Count > 0)
        {
            await outbox.SendAsync(new NotificationMessage { Digest = id }, TimeSpan.Zero, cancellationToken);
        }

        header["State"] = "queued";
        header["Count"] = items.Count;
        await _table.UpdateEntityAsync(header, ETag.All, TableUpdateMode.Merge, cancellationToken);
        LogQueued(logger, id, items.Count);
    }

    private async Task DeleteAsync(string? rowKey, CancellationToken cancellationToken)
    {
        if (rowKey is not null)
        {
            // Deleting a row that is gone already succeeds.
            await _table.DeleteEntityAsync(Partition, rowKey, ETag.All, cancellationToken);
        }
    }

    /// <summary>Forgets digests sent a week ago, and the marks of comments collected then.</summary>
    private async Task SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - KeepFor;
        var old = await ListAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Timestamp lt {before} and RowKey ne {LeaseRow}"), 500, cancellationToken);
        await Task.WhenAll(old.Where(r => !r.RowKey.StartsWith("p_", StringComparison.Ordinal) && (!r.RowKey.StartsWith("d_", StringComparison.Ordinal) || r.GetString("State") == "queued"))
            .Select(r => DeleteAsync(r.RowKey, cancellationToken)));
    }

    private async Task<List<TableEntity>> ListAsync(string filter, int limit, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
            if (rows.Count >= limit)
            {
                break;
            }
        }

        return rows;
    }

    private async Task<TableEntity?> TryLeaseAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = await _table.FindAsync(Partition, LeaseRow, cancellationToken);
        try
        {
            if (row is null)
            {
                var lease = new TableEntity(Partition, LeaseRow) { ["Until"] = now + LeaseLength };
                var added = await _table.AddEntityAsync(lease, cancellationToken);
                lease.ETag = added.Headers.ETag ?? ETag.All;
                return lease;
            }

            if (row.GetDateTimeOffset("Until") > now)
            {
                return null;
            }

            row["Until"] = now + LeaseLength;
            var updated = await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            row.ETag = updated.Headers.ETag ?? ETag.All;
            return row;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            // Another instance's job took it first.
            return null;
        }
    }

    private async Task ReleaseAsync(TableEntity lease, CancellationToken cancellationToken)
    {
        lease["Until"] = clock.GetUtcNow();
        try
        {
            await _table.UpdateEntityAsync(lease, lease.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException)
        {
            // It runs out by itself.
        }
    }

    private static string PendingKey(NotificationEvent notification) =>
        $"p_{notification.At.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}_{notification.Id}";

    private static string ItemKey(string digestId, string pendingKey) => $"i_{digestId}_{pendingKey[2..]}";

    // Every prefix ends in '_'; '`' is the character after it, so it ends the range.
    private static string Prefix(string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "`"}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {DigestId} of {Count} held comments queued")]
    private static partial void LogQueued(ILogger logger, string digestId, int count);
}
