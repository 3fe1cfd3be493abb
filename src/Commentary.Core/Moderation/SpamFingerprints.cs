using System.Collections.Concurrent;

namespace Commentary.Core.Moderation;

/// <summary>
/// Fingerprints (<see cref="BodyFingerprint"/>) of bodies a moderator marked as spam, in table <c>SpamFingerprints</c>
/// (PartitionKey = the first two hex digits, RowKey = the fingerprint), so a repost of the same text is treated as a
/// duplicate. Entries are never removed by the app, so a "yes" is remembered in memory; a "no" is always asked again.
/// </summary>
public sealed class SpamFingerprints(StorageClients storage)
{
    private readonly TableClient _table = storage.SpamFingerprints;
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public async Task AddAsync(string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        await _table.UpsertEntityAsync(new TableEntity(PartitionOf(fingerprint), fingerprint), TableUpdateMode.Replace, cancellationToken);
        _known[fingerprint] = true;
    }

    public async Task<bool> ContainsAsync(string fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (_known.ContainsKey(fingerprint))
        {
            return true;
        }

        var found = await _table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(fingerprint), fingerprint, ["PartitionKey"], cancellationToken);
        if (found.HasValue)
        {
            _known[fingerprint] = true;
        }

        return found.HasValue;
    }

    private static string PartitionOf(string fingerprint) => fingerprint.Length >= 2 ? fingerprint[..2] : fingerprint;
}
