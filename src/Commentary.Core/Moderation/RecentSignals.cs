namespace Commentary.Core.Moderation;

/// <summary>
/// What the duplicate and flood rules need to know about recent comments, kept in table <c>RecentSignals</c>:
/// one row per comment under its body fingerprint (<c>fp_…</c>) and under its IP hash (<c>ip_…</c>), RowKey = the
/// comment id. Ids sort by time, so "since" is a RowKey range and each question is one small partition query.
/// Comments by email come from <see cref="CommenterHistory"/>'s index, which is keyed the same way.
/// </summary>
public sealed class RecentSignals(StorageClients storage, CommenterHistory commenters)
{
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromHours(24);
    private readonly TableClient _table = storage.RecentSignals;

    /// <summary>
    /// Whether the body was posted in the last day, and how many comments came from the email and the address within
    /// the flood window, each counted only up to <paramref name="enough"/> (past that the answer cannot change).
    /// </summary>
    public async Task<ModerationSignals> ForAsync(
        string id, string email, string? ipHash, string fingerprint, DateTimeOffset now, TimeSpan floodWindow, FloodCounts enough, CancellationToken cancellationToken)
    {
        var duplicate = CountAsync("fp_" + fingerprint, id, now - DuplicateWindow, 1, cancellationToken);
        var fromIp = ipHash is null ? Task.FromResult(0) : CountAsync("ip_" + ipHash, id, now - floodWindow, enough.FromIp, cancellationToken);
        var fromEmail = commenters.RecentCountAsync(email, id, now - floodWindow, enough.FromEmail, cancellationToken);
        await Task.WhenAll(duplicate, fromIp, fromEmail);
        return new ModerationSignals(await duplicate > 0, await fromEmail, await fromIp, null);
    }

    /// <summary>Records the comment; idempotent, so a redelivered message writes the same rows again.</summary>
    public async Task RecordAsync(Comment comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var writes = new List<Task>
        {
            _table.UpsertEntityAsync(new TableEntity("fp_" + BodyFingerprint.Of(comment.Body), comment.Id) { ["Slug"] = comment.Slug }, TableUpdateMode.Replace, cancellationToken),
        };
        if (comment.IpHash is { } ipHash)
        {
            writes.Add(_table.UpsertEntityAsync(new TableEntity("ip_" + ipHash, comment.Id) { ["Slug"] = comment.Slug }, TableUpdateMode.Replace, cancellationToken));
        }

        await Task.WhenAll(writes);
    }

    private Task<int> CountAsync(string partition, string exceptId, DateTimeOffset since, int atMost, CancellationToken cancellationToken) =>
        TimeOrderedRows.CountSinceAsync(_table, partition, since, exceptId, atMost, cancellationToken);
}
