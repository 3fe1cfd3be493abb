using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Commentary.Core.Moderation;

/// <summary>The live moderation settings and their version. Before anyone saves settings, the shipped defaults apply.</summary>
public sealed record StoredModerationSettings(ModerationSettings Settings, string ETag);

/// <summary>
/// The live copy of the moderation settings: blob <c>settings/moderation.json</c>, so moderators change word lists
/// and thresholds without a deploy. Writes are guarded by ETag; the defaults have the pseudo-version
/// <see cref="DefaultsETag"/> until the first save.
/// </summary>
public sealed class ModerationSettingsStore(StorageClients storage)
{
    public const string BlobName = "moderation.json";
    public const string DefaultsETag = "\"defaults\"";
    private readonly BlobClient _blob = storage.Settings.GetBlobClient(BlobName);

    public async Task<StoredModerationSettings> LoadAsync(CancellationToken cancellationToken) =>
        await LoadIfChangedAsync(null, cancellationToken) ?? throw new InvalidOperationException("An unconditional read cannot be 'not modified'.");

    /// <summary>The settings, or null when they are still at <paramref name="knownETag"/>.</summary>
    /// <exception cref="JsonException">The stored copy is not valid settings JSON (someone edited the blob by hand).</exception>
    public async Task<StoredModerationSettings?> LoadIfChangedAsync(string? knownETag, CancellationToken cancellationToken)
    {
        try
        {
            var conditions = knownETag is null or DefaultsETag ? null : new BlobRequestConditions { IfNoneMatch = new ETag(knownETag) };
            var response = await _blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken);
            if (response.GetRawResponse().Status == (int)HttpStatusCode.NotModified)
            {
                return null;
            }

            return new StoredModerationSettings(ModerationSettings.FromJson(response.Value.Content.ToString()), response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return knownETag == DefaultsETag ? null : new StoredModerationSettings(ModerationSettings.Defaults, DefaultsETag);
        }
    }

    /// <summary>Saves the settings; null when <paramref name="ifMatch"/> names a version that is no longer current.</summary>
    public async Task<StoredModerationSettings?> SaveAsync(ModerationSettings settings, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var conditions = ifMatch switch
        {
            null => null,
            DefaultsETag => new BlobRequestConditions { IfNoneMatch = ETag.All },
            _ => new BlobRequestConditions { IfMatch = new ETag(ifMatch) },
        };
        try
        {
            var response = await _blob.UploadAsync(
                BinaryData.FromString(settings.ToJson()),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken);
            return new StoredModerationSettings(settings, response.Value.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
        {
            return null;
        }
    }
}
