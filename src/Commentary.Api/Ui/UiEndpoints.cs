using Microsoft.Net.Http.Headers;

namespace Commentary.Api.Ui;

/// <summary>
/// <c>GET /ui/{file}</c>: the comment widget, the moderation dashboard and the demo page. A request whose <c>?v=</c>
/// names the file's current version may cache it for a year; any other gets a short lifetime and revalidates by ETag.
/// </summary>
public sealed class UiEndpoints(UiAssetCatalog catalog, IOptions<SignInOptions>? signIn = null)
{
    public const string VersionedCache = "public, max-age=31536000, immutable";
    public const string UnversionedCache = "public, max-age=300";

    /// <summary>Our pages load only their own scripts, styles and API; nothing inline, nothing from elsewhere.</summary>
    public const string PagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The page that signs moderators in with their organisation's provider, in the browser.</summary>
    public const string DashboardPage = "moderation.html";

    private readonly string _dashboardPolicy = DashboardPolicy(signIn?.Value ?? new SignInOptions());

    /// <summary>
    /// The dashboard's policy: <see cref="PagePolicy"/>, and, when it offers organisation sign-in, leave to fetch the
    /// provider's discovery document and token endpoint from the configured authority's origin (and no other).
    /// </summary>
    public static string DashboardPolicy(SignInOptions signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        if (!signIn.OffersDashboardSignIn || !Uri.TryCreate(signIn.Authority!.Trim(), UriKind.Absolute, out var authority))
        {
            return PagePolicy;
        }

        return PagePolicy.Replace("connect-src 'self'", $"connect-src 'self' {authority.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal);
    }

    public Task<IResult> GetAsync(HttpRequest request, string file)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!catalog.TryGet(file, out var asset))
        {
            return Task.FromResult<IResult>(Problems.NotFound($"There is no UI file '{file}'."));
        }

        var headers = request.HttpContext.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.Vary = HeaderNames.AcceptEncoding;
        if (asset.IsPage)
        {
            headers.ContentSecurityPolicy = asset.Name == DashboardPage ? _dashboardPolicy : PagePolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }
        else
        {
            // The widget's script and stylesheet are meant to be loaded by other sites, including isolated ones.
            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        }

        var gzip = AcceptsGzip(request);
        var etag = HttpCaching.ETagOf(asset.Version, gzip ? "gzip" : "identity");
        var cacheControl = request.Query["v"].ToString() == asset.Version ? VersionedCache : UnversionedCache;
        if (HttpCaching.IsNotModified(request, etag, cacheControl))
        {
            return Task.FromResult(HttpCaching.NotModified());
        }

        if (gzip)
        {
            headers.ContentEncoding = "gzip";
        }

        return Task.FromResult<IResult>(TypedResults.Bytes(gzip ? asset.Gzipped : asset.Content, asset.ContentType));
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var codings)
        && codings.Any(c => c.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (c.Quality ?? 1) > 0);
}
