namespace Commentary.Core.Moderation;

/// <summary>
/// Banned emails and client addresses in table <c>Bans</c> (PartitionKey <c>email</c> or <c>ip</c>, RowKey the hash).
/// The worker asks about every comment, so the whole list (a few entries, rarely many) is held in memory and read
/// again at most every <see cref="CacheFor"/>; this instance's own changes take effect at once, another instance's
/// within that time.
/// </summary>
public sealed class BanList(StorageClients storage, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly TableClient _table = storage.Bans;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>The reason of an active ban on this email hash or IP hash, or null when neither is banned.</summary>
    public async Task<string?> FindAsync(string emailHash, string? ipHash, CancellationToken cancellationToken)
    {
        var bans = await CurrentAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (bans.TryGetValue(BanIds.Of(BanKind.Email, emailHash), out var byEmail) && byEmail.IsActive(now))
        {
            return byEmail.Reason;
        }

        return ipHash is not null && bans.TryGetValue(BanIds.Of(BanKind.Ip, ipHash), out var byIp) && byIp.IsActive(now)
            ? byIp.Reason
            : null;
    }

    /// <summary>Every ban, expired ones included (a moderator may want to see them), newest first.</summary>
    public async Task<IReadOnlyList<Ban>> ListAsync(CancellationToken cancellationToken)
    {
        var bans = await ReadAllAsync(cancellationToken);
        _snapshot = new Snapshot(bans, clock.GetUtcNow());
        return bans.Values.OrderByDescending(b => b.Created).ThenBy(b => b.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Adds the ban, or replaces the one on the same identity (a new reason or expiry).</summary>
    public async Task<Ban> AddAsync(Ban ban, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ban);
        var entity = new TableEntity(BanIds.PartitionKey(ban.Kind), ban.Hash)
        {
            ["Email"] = ban.Email,
            ["Reason"] = ban.Reason,
            ["BannedBy"] = ban.BannedBy,
            ["Created"] = ban.Created,
            ["ExpiresAt"] = ban.ExpiresAt,
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        _snapshot = null;
        return ban;
    }

    public async Task<bool> RemoveAsync(string banId, CancellationToken cancellationToken)
    {
        if (!BanIds.TryParse(banId, out var kind, out var hash))
        {
            return false;
        }

        // The SDK answers a missing entity with a 404 response rather than an exception.
        using var response = await _table.DeleteEntityAsync(BanIds.PartitionKey(kind), hash, ETag.All, cancellationToken);
        _snapshot = null;
        return response.Status != (int)HttpStatusCode.NotFound;
    }

    private async Task<IReadOnlyDictionary<string, Ban>> CurrentAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } fresh && now - fresh.ReadAt < CacheFor)
        {
            return fresh.Bans;
        }

        // One reader refreshes; the others wait for its answer instead of each reading the table.
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } refreshed && now - refreshed.ReadAt < CacheFor)
            {
                return refreshed.Bans;
            }

            var bans = await ReadAllAsync(cancellationToken);
            _snapshot = new Snapshot(bans, now);
            return bans;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, Ban>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var bans = new Dictionary<string, Ban>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            var kind = entity.PartitionKey == BanIds.PartitionKey(BanKind.Ip) ? BanKind.Ip : BanKind.Email;
            var ban = new Ban(
                kind, entity.RowKey, entity.GetString("Email"), entity.GetString("Reason") ?? string.Empty,
                entity.GetString("BannedBy") ?? string.Empty, entity.GetDateTimeOffset("Created") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
                entity.GetDateTimeOffset("ExpiresAt"));
            bans[ban.Id] = ban;
        }

        return bans;
    }

    public void Dispose() => _refresh.Dispose();

    private sealed record Snapshot(IReadOnlyDictionary<string, Ban> Bans, DateTimeOffset ReadAt);
}
