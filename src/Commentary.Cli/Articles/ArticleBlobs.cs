using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Commentary.Core.Storage;

namespace Commentary.Cli.Articles;

/// <summary>An article file as stored: its slug, the SHA-256 of its text (when an import recorded one) and its ETag.</summary>
public sealed record StoredArticleFile(string Slug, string? ContentSha256, ETag ETag, DateTimeOffset? LastModified, long Size);

/// <summary>
/// The <c>articles</c> container as files. Each upload records the SHA-256 of its text in the blob's metadata,
/// so the next import can tell an unchanged file from a changed one without downloading it.
/// </summary>
public sealed class ArticleBlobs(StorageClients storage)
{
    public const string ContentHashMetadata = "contentsha256";

    public static string ContentHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text)))));

    public async Task<IReadOnlyDictionary<string, StoredArticleFile>> ListAsync(CancellationToken cancellationToken)
    {
        var files = new Dictionary<string, StoredArticleFile>(StringComparer.Ordinal);
        await foreach (var blob in storage.Articles.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
        {
            if (!blob.Name.EndsWith(".md", StringComparison.Ordinal) || !Slug.IsValid(blob.Name[..^3]))
            {
                continue;
            }

            blob.Metadata.TryGetValue(ContentHashMetadata, out var hash);
            files[blob.Name[..^3]] = new StoredArticleFile(
                blob.Name[..^3], hash, blob.Properties.ETag ?? default, blob.Properties.LastModified, blob.Properties.ContentLength ?? 0);
        }

        return files;
    }

    /// <summary>
    /// Writes an article. <paramref name="replacing"/> is the version the caller saw (null: there was none), so an
    /// upload never overwrites a change made meanwhile; returns false when that happened.
    /// </summary>
    public async Task<bool> PutAsync(string slug, string text, ETag? replacing, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Articles.GetBlobClient(ArticleStore.BlobName(slug)).UploadAsync(
                BinaryData.FromString(text),
                new BlobUploadOptions
                {
                    Conditions = replacing is { } etag ? new BlobRequestConditions { IfMatch = etag } : new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown; charset=utf-8" },
                    Metadata = new Dictionary<string, string> { [ContentHashMetadata] = ContentHash(text) },
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string slug, CancellationToken cancellationToken)
    {
        var response = await storage.Articles.GetBlobClient(ArticleStore.BlobName(slug)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
        return response.Value;
    }
}
