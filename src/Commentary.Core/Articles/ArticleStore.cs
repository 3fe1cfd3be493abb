using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Commentary.Core.Caching;

namespace Commentary.Core.Articles;

/// <summary>
/// Articles from the <c>articles</c> container. Parsed articles are kept in memory by blob ETag:
/// a read within <see cref="ReadCacheOptions.FreshFor"/> of storage last confirming the ETag makes no storage call
/// at all; after that it is a conditional request that costs no download or parse when the blob has not changed.
/// The list of blobs is kept the same way.
/// </summary>
public sealed partial class ArticleStore(StorageClients storage, Freshness freshness, ILogger<ArticleStore> logger)
{
    private readonly ConcurrentDictionary<string, CachedArticle> _parsed = new(StringComparer.Ordinal);
    private readonly BlobContainerClient _container = storage.Articles;
    private volatile ArticleListing? _listing;

    // Readers of one article who find it stale at the same moment share one conditional request (never one that
    // began before they asked), so a popular article costs one request per lapse, not one per reader in that moment.
    private readonly ReadCoalescer<string, StoredArticle?> _revalidations = new();

    /// <summary>A store that asks storage on every read: for one-shot tools.</summary>
    public ArticleStore(StorageClients storage, ILogger<ArticleStore> logger)
        : this(storage, Freshness.Never, logger)
    {
    }

    public static string BlobName(string slug) => slug + ".md";

    /// <summary>The article, or null when there is none (or its file is broken, which is logged for the publisher).</summary>
    public async Task<StoredArticle?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Slug.IsValid(slug))
        {
            return null;
        }

        _parsed.TryGetValue(slug, out var cached);
        if (cached is not null && freshness.IsFresh(cached.ConfirmedAt))
        {
            return cached.Stored;
        }

        return await _revalidations.ReadAsync(slug, ct => DownloadAsync(slug, Cached(slug), ct), cancellationToken);
    }

    /// <summary>Callers sharing a revalidation of the article that is under way (for tests).</summary>
    internal int RevalidationsJoined(string slug) => _revalidations.Joined(slug);

    private CachedArticle? Cached(string slug) => _parsed.TryGetValue(slug, out var cached) ? cached : null;

    private async Task<StoredArticle?> DownloadAsync(string slug, CachedArticle? cached, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(BlobName(slug));
        var conditions = cached is null ? null : new BlobRequestConditions { IfNoneMatch = new ETag(cached.Stored.ETag) };
        var askedAt = freshness.Now();
        try
        {
            var response = await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = conditions }, cancellationToken);
            // The SDK reports a conditional 304 as a normal response, not an exception.
            if (cached is not null && response.GetRawResponse().Status == (int)HttpStatusCode.NotModified)
            {
                _parsed[slug] = cached with { ConfirmedAt = askedAt };
                return cached.Stored;
            }

            return Remember(slug, response.Value.Content.ToString(), response.Value.Details.ETag.ToString(), askedAt);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            _parsed.TryRemove(slug, out _);
            return null;
        }
    }

    /// <summary>
    /// Whether this instance holds a copy of the article, fresh or not: it has read it before and has not seen it go.
    /// Says nothing about whether the article still exists; <see cref="FindAsync"/> does.
    /// </summary>
    public bool Holds(string slug) => _parsed.ContainsKey(slug);

    /// <summary>Every readable article, newest first.</summary>
    public async Task<IReadOnlyList<StoredArticle>> ListAsync(CancellationToken cancellationToken)
    {
        if (_listing is { } listing && freshness.IsFresh(listing.ConfirmedAt))
        {
            return listing.Articles;
        }

        var askedAt = freshness.Now();
        var found = new List<(string Slug, string ETag)>();
        await foreach (var item in _container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (item.Name.EndsWith(".md", StringComparison.Ordinal) && Slug.IsValid(item.Name[..^3]))
            {
                found.Add((item.Name[..^3], item.Properties.ETag?.ToString() ?? string.Empty));
            }
        }

        // The listing itself confirms each blob's ETag, so an unchanged article needs no request of its own.
        var articles = await Task.WhenAll(found.Select(async f =>
        {
            if (_parsed.TryGetValue(f.Slug, out var cached) && cached.Stored.ETag == f.ETag)
            {
                _parsed[f.Slug] = cached with { ConfirmedAt = askedAt };
                return cached.Stored;
            }

            return await DownloadAsync(f.Slug, cached, cancellationToken);
        }));

        foreach (var gone in _parsed.Keys.Except(found.Select(f => f.Slug)))
        {
            _parsed.TryRemove(gone, out _);
        }

        var sorted = articles.OfType<StoredArticle>()
            .OrderByDescending(a => a.Article.Published)
            .ThenBy(a => a.Article.Slug, StringComparer.Ordinal)
            .ToArray();
        _listing = new ArticleListing(sorted, askedAt);
        return sorted;
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
            // This instance added it, so its own list shows it at once.
            _listing = null;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    private StoredArticle? Remember(string slug, string text, string etag, long confirmedAt)
    {
        try
        {
            var stored = new StoredArticle(ArticleParser.Parse(slug, text), etag);
            _parsed[slug] = new CachedArticle(stored, confirmedAt);
            return stored;
        }
        catch (ArticleFormatException e)
        {
            _parsed.TryRemove(slug, out _);
            LogBroken(logger, slug, e.Message);
            return null;
        }
    }

    private sealed record CachedArticle(StoredArticle Stored, long ConfirmedAt);

    private sealed record ArticleListing(IReadOnlyList<StoredArticle> Articles, long ConfirmedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Article {Slug} cannot be shown: {Problem}")]
    private static partial void LogBroken(ILogger logger, string slug, string problem);
}
