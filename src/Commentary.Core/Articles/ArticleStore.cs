using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Commentary.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Commentary.Core.Articles;

/// <summary>
/// Articles from the <c>articles</c> container. Parsed articles are kept in memory by blob ETag:
/// a read is a conditional request that costs no download or parse when the blob has not changed.
/// </summary>
public sealed partial class ArticleStore(StorageClients storage, ILogger<ArticleStore> logger)
{
    private readonly ConcurrentDictionary<string, StoredArticle> _parsed = new(StringComparer.Ordinal);
    private readonly BlobContainerClient _container = storage.Articles;

    public static string BlobName(string slug) => slug + ".md";

    /// <summary>The article, or null when there is none (or its file is broken, which is logged for the publisher).</summary>
    public async Task<StoredArticle?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.IsValid(slug))
        {
            return null;
        }

        var blob = _container.GetBlobClient(BlobName(slug));
        _parsed.TryGetValue(slug, out var cached);
        var conditions = cached is null ? null : new BlobRequestConditions { IfNoneMatch = new ETag(cached.ETag) };
        try
        {
            var response = await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken);
            // The SDK reports a conditional 304 as a normal response, not an exception.
            if (cached is not null && response.GetRawResponse().Status == (int)HttpStatusCode.NotModified)
            {
                return cached;
            }

            return Remember(slug, response.Value.Content.ToString(), response.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            _parsed.TryRemove(slug, out _);
            return null;
        }
    }

    /// <summary>Every readable article, newest first.</summary>
    public async Task<IReadOnlyList<StoredArticle>> ListAsync(CancellationToken cancellationToken)
    {
        var found = new List<(string Slug, string ETag)>();
        await foreach (var item in _container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (item.Name.EndsWith(".md", StringComparison.Ordinal) && Slug.IsValid(item.Name[..^3]))
            {
                found.Add((item.Name[..^3], item.Properties.ETag?.ToString() ?? string.Empty));
            }
        }

        var articles = await Task.WhenAll(found.Select(async f =>
            _parsed.TryGetValue(f.Slug, out var cached) && cached.ETag == f.ETag ? cached : await FindAsync(f.Slug, cancellationToken)));

        foreach (var gone in _parsed.Keys.Except(found.Select(f => f.Slug)))
        {
            _parsed.TryRemove(gone, out _);
        }

        return articles.OfType<StoredArticle>()
            .OrderByDescending(a => a.Article.Published)
            .ThenBy(a => a.Article.Slug, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Uploads an article file unless one with that slug exists already; returns whether it was written.</summary>
    public async Task<bool> AddIfMissingAsync(string slug, string text, CancellationToken cancellationToken)
    {
        ArticleParser.Parse(slug, text);
        try
        {
            await _container.GetBlobClient(BlobName(slug)).UploadAsync(
                BinaryData.FromString(text),
                new BlobUploadOptions
                {
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                    HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown; charset=utf-8" },
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    private StoredArticle? Remember(string slug, string text, string etag)
    {
        try
        {
            var stored = new StoredArticle(ArticleParser.Parse(slug, text), etag);
            _parsed[slug] = stored;
            return stored;
        }
        catch (ArticleFormatException e)
        {
            _parsed.TryRemove(slug, out _);
            LogBroken(logger, slug, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Article {Slug} cannot be shown: {Problem}")]
    private static partial void LogBroken(ILogger logger, string slug, string problem);
}
