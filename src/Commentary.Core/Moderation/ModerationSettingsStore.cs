using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Commentary.Core.Moderation;

/// <summary>The live moderation settings and their version. Before anyone saves settings, the shipped defaults apply.</summary>
public sealed record StoredModerationSettings(ModerationSettings Settings, string ETag);

/// <summary>
/// The live copy of the moderation settings: blob <c>settings/moderation.json</c>, so moderators change word lists
/// and thresholds without a deploy. Writes are guarded by ETag; the defaults have the pseudo-version
/// <see cref="DefaultsETag"/> until the first save. Beside the settings, the blob keeps the shipped word lists and
/// single values they were saved against (<see cref="ShippedWordListsProperty"/>, <see cref="ShippedValuesProperty"/>),
/// so that reading them after an upgrade adds the words the new release ships (<see cref="WordLists"/>) and takes up
/// its values wherever the site kept the shipped one (<see cref="ReleaseValues"/>); those properties are the store's own
/// and never part of the settings.
/// </summary>
public sealed class ModerationSettingsStore(StorageClients storage)
{
    public const string BlobName = "moderation.json";
    public const string DefaultsETag = "\"defaults\"";
    public const string ShippedWordListsProperty = "$shippedWordLists";
    public const string ShippedValuesProperty = "$shippedValues";
    private static readonly JsonDocumentOptions Reading = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
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

            return new StoredModerationSettings(Read(response.Value.Content.ToString()), response.Value.Details.ETag.ToString());
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
                BinaryData.FromString(Write(settings)),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                cancellationToken);
            return new StoredModerationSettings(settings, response.Value.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
        {
            return null;
        }
    }

    /// <summary>The settings as stored: their JSON, plus the shipped word lists and values they are saved against.</summary>
    internal static string Write(ModerationSettings settings)
    {
        var document = JsonNode.Parse(settings.ToJson())!.AsObject();
        document[ShippedWordListsProperty] = JsonSerializer.SerializeToNode(WordLists.Snapshot(ModerationSettings.Defaults));
        document[ShippedValuesProperty] = ReleaseValues.Shipped.DeepClone();
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// Stored settings, with the words the shipped lists have gained since they were saved, and this release's value
    /// wherever the saved one is still the shipped value it was saved against.
    /// </summary>
    /// <exception cref="JsonException">The text is not settings JSON.</exception>
    internal static ModerationSettings Read(string stored)
    {
        var document = JsonNode.Parse(stored, documentOptions: Reading) as JsonObject
            ?? throw new JsonException("The stored moderation settings are not a JSON object.");
        Dictionary<string, List<string>>? listsAgainst = null;
        if (document.Remove(ShippedWordListsProperty, out var lists))
        {
            listsAgainst = lists?.Deserialize<Dictionary<string, List<string>>>() ?? throw new JsonException($"{ShippedWordListsProperty} is null.");
        }

        if (document.Remove(ShippedValuesProperty, out var values))
        {
            var valuesAgainst = values as JsonObject ?? throw new JsonException($"{ShippedValuesProperty} is not an object.");
            ReleaseValues.TakeUpReleaseChanges(document, valuesAgainst, ReleaseValues.Shipped);
        }

        var settings = ModerationSettings.FromJson(document.ToJsonString());
        WordLists.TakeUpReleaseAdditions(settings, listsAgainst, ModerationSettings.Defaults);
        return settings;
    }
}
