using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Commentary.Api.Http;

/// <summary>ETags and conditional GETs: a client that already has this version gets <c>304</c> and no body.</summary>
public static class HttpCaching
{
    /// <summary>
    /// For public answers that change when a moderator acts: browsers and CDNs keep them as long as our own cache
    /// does, and a CDN may go on serving its copy for a minute while it revalidates in the background.
    /// </summary>
    public const string PublicShortLived = "public, max-age=5, stale-while-revalidate=60";

    /// <summary>A strong ETag for a response built from these version parts.</summary>
    public static string ETagOf(params string[] versionParts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', versionParts)));
        return "\"" + Convert.ToHexStringLower(hash.AsSpan(0, 12)) + "\"";
    }

    /// <summary>Sets the validators and says whether the client's copy is current.</summary>
    public static bool IsNotModified(HttpRequest request, string etag, string cacheControl)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.HttpContext.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = cacheControl;
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }

        return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(etag), useStrongComparison: false));
    }

    public static IResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);
}
