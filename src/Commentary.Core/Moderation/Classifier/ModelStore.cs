using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Commentary.Core.Moderation.Classifier;

/// <summary>The model a pointer names, with the pointer's version, so a worker asks again only when it changes.</summary>
public sealed record StoredModelPointer(string Version, string ETag);

/// <summary>
/// Retrained models in Blob Storage: <c>models/moderation/{version}.zip</c> and the pointer
/// <c>models/moderation/current</c> (a blob whose text is the version in force). Publishing writes the model first
/// and then moves the pointer, so a worker never follows a pointer to a model that is not there yet. The public
/// training data the retrain reads lives beside them under <c>training/</c> (uploaded by the operator).
/// </summary>
public sealed class ModelStore(StorageClients storage)
{
    public const string PointerBlob = "moderation/current";
    public const string ReportBlob = "moderation/last-retrain.json";
    public const string TrainingPrefix = "training/";

    public static string ModelBlob(string version) => $"moderation/{version}.zip";

    /// <summary>The pointer, or null when it is still at <paramref name="knownETag"/> or no model was ever published.</summary>
    public async Task<StoredModelPointer?> PointerIfChangedAsync(string? knownETag, CancellationToken cancellationToken)
    {
        try
        {
            var conditions = knownETag is null ? null : new BlobRequestConditions { IfNoneMatch = new ETag(knownETag) };
            var response = await storage.Models.GetBlobClient(PointerBlob).DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken);
            return response.GetRawResponse().Status == (int)HttpStatusCode.NotModified
                ? null
                : new StoredModelPointer(response.Value.Content.ToString().Trim(), response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <exception cref="InvalidModelException">The blob is missing or is not a model this release can use.</exception>
    public async Task<ModerationModel> LoadAsync(string version, CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Models.GetBlobClient(ModelBlob(version)).DownloadContentAsync(cancellationToken);
            return ModerationModel.Load(content.Value.Content.ToArray());
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            throw new InvalidModelException("the blob does not exist", e);
        }
    }

    /// <summary>Uploads the model, then points <c>current</c> at it.</summary>
    public async Task PublishAsync(ModerationModel model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        await storage.Models.GetBlobClient(ModelBlob(model.Version)).UploadAsync(BinaryData.FromBytes(model.ToBytes()), overwrite: true, cancellationToken);
        await storage.Models.GetBlobClient(PointerBlob).UploadAsync(BinaryData.FromString(model.Version), overwrite: true, cancellationToken);
    }

    /// <summary>The public training data files, when an operator has uploaded them; null when any is missing.</summary>
    public async Task<IReadOnlyDictionary<string, byte[]>?> TrainingDataAsync(CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, byte[]>();
        foreach (var name in TrainingData.Files)
        {
            try
            {
                var content = await storage.Models.GetBlobClient(TrainingPrefix + name).DownloadContentAsync(cancellationToken);
                files[name] = content.Value.Content.ToArray();
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
            {
                return null;
            }
        }

        return files;
    }

    /// <summary>The last retrain's report, whichever instance ran it; null before the first.</summary>
    public async Task<RetrainReport?> LastReportAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = await storage.Models.GetBlobClient(ReportBlob).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<RetrainReport>(ModerationModel.Json);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task SaveReportAsync(RetrainReport report, CancellationToken cancellationToken) =>
        storage.Models.GetBlobClient(ReportBlob).UploadAsync(BinaryData.FromObjectAsJson(report, ModerationModel.Json), overwrite: true, cancellationToken);

    /// <summary>Asks for a retrain: a message on <c>model-retrain</c>, which the <c>RetrainModelOnRequest</c> trigger takes.</summary>
    public Task RequestRetrainAsync(RetrainRequest request, CancellationToken cancellationToken) =>
        storage.ModelRetrain.SendMessageAsync(BinaryData.FromObjectAsJson(request, ModerationModel.Json), cancellationToken: cancellationToken);

    public Task UploadTrainingFileAsync(string name, Stream content, CancellationToken cancellationToken) =>
        storage.Models.GetBlobClient(TrainingPrefix + name).UploadAsync(content, overwrite: true, cancellationToken);
}
