using System.IO.Compression;
using Commentary.Tests.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Commentary.Tests.Ui;

public class UiEndpointsTests
{
    private static readonly UiAssetCatalog Catalog = new(new Dictionary<string, string>
    {
        ["page.html"] = "<script src=\"app.js?v={{version:app.js}}\" defer></script>",
        ["app.js"] = "load('style.css?v={{version:style.css}}');",
        ["style.css"] = "body { color: teal }",
    });

    private static readonly UiEndpoints Endpoints = new(Catalog);

    private static UiAsset Asset(string name) => Catalog.TryGet(name, out var asset) ? asset : throw new KeyNotFoundException(name);

    private static async Task<ExecutedResponse> GetAsync(string file, string? query = null, string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext();
        if (query is not null)
        {
            context.Request.QueryString = new QueryString(query);
        }

        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        return await ResultExecution.ExecuteAsync(await Endpoints.GetAsync(context.Request, file), context);
    }

    [Fact]
    public async Task A_script_is_served_with_its_media_type_nosniff_an_etag_and_a_short_cache_life()
    {
        var response = await GetAsync("app.js");

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", response.ContentType);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal(UiEndpoints.UnversionedCache, response.Headers.CacheControl.ToString());
        Assert.False(string.IsNullOrEmpty(response.Headers.ETag.ToString()));
        Assert.StartsWith("load('style.css?v=", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_naming_the_current_version_may_keep_the_file_for_good_and_any_other_version_may_not()
    {
        var current = await GetAsync("style.css", "?v=" + Asset("style.css").Version);
        var stale = await GetAsync("style.css", "?v=0123456789abcdef");

        Assert.Equal(UiEndpoints.VersionedCache, current.Headers.CacheControl.ToString());
        Assert.Contains("immutable", current.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        Assert.Equal(UiEndpoints.UnversionedCache, stale.Headers.CacheControl.ToString());
        Assert.Equal("text/css; charset=utf-8", current.ContentType);
    }

    [Fact]
    public async Task A_client_holding_the_current_etag_gets_304_without_a_body()
    {
        var first = await GetAsync("app.js");

        var again = await GetAsync("app.js", ifNoneMatch: first.Headers.ETag.ToString());

        Assert.Equal(304, again.StatusCode);
        Assert.Empty(again.Body);
        Assert.Equal(first.Headers.ETag.ToString(), again.Headers.ETag.ToString());
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_that_allows_only_our_own_scripts()
    {
        var page = await GetAsync("page.html");
        var script = await GetAsync("app.js");

        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Contains("script-src 'self'", page.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.XContentTypeOptions.ToString());
        Assert.Empty(script.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("cross-origin", script.Headers["Cross-Origin-Resource-Policy"].ToString());
    }

    [Theory]
    [InlineData("missing.js")]
    [InlineData("../app.js")]
    [InlineData("..%2Fapp.js")]
    [InlineData("wwwroot/app.js")]
    [InlineData("APP.JS")]
    [InlineData("UiEndpoints.cs")]
    [InlineData("")]
    public async Task Only_names_in_the_embedded_set_are_served_and_anything_else_is_a_404_problem(string file)
    {
        var response = await GetAsync(file);

        Assert.Equal(404, response.StatusCode);
        Assert.True(response.IsProblem);
    }

    [Fact]
    public void Version_placeholders_become_the_named_files_versions_and_a_change_travels_up_to_the_page()
    {
        Assert.Contains($"app.js?v={Asset("app.js").Version}\"", Encoding.UTF8.GetString(Asset("page.html").Content), StringComparison.Ordinal);
        Assert.Contains($"style.css?v={Asset("style.css").Version}'", Encoding.UTF8.GetString(Asset("app.js").Content), StringComparison.Ordinal);

        var restyled = new UiAssetCatalog(new Dictionary<string, string>
        {
            ["page.html"] = "<script src=\"app.js?v={{version:app.js}}\" defer></script>",
            ["app.js"] = "load('style.css?v={{version:style.css}}');",
            ["style.css"] = "body { color: navy }",
        });
        Assert.True(restyled.TryGet("page.html", out var page));
        Assert.NotEqual(Asset("page.html").Version, page.Version);
    }

    [Fact]
    public void A_placeholder_naming_a_file_that_is_not_there_stops_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new UiAssetCatalog(new Dictionary<string, string> { ["page.html"] = "{{version:gone.js}}" }));
        Assert.Contains("gone.js", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_known_media_type_stops_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new UiAssetCatalog(new Dictionary<string, string> { ["notes.txt"] = "hello" }));
        Assert.Contains("notes.txt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip", true)]
    [InlineData("br, gzip;q=0.8", true)]
    [InlineData("gzip;q=0", false)]
    [InlineData("br", false)]
    public async Task Gzip_goes_only_to_clients_that_accept_it_and_unpacks_to_the_file(string acceptEncoding, bool gzipped)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptEncoding = acceptEncoding;
        using var body = new MemoryStream();
        context.Response.Body = body;
        context.RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider();

        await (await Endpoints.GetAsync(context.Request, "app.js")).ExecuteAsync(context);

        var bytes = body.ToArray();
        Assert.Equal("Accept-Encoding", context.Response.Headers.Vary.ToString());
        if (gzipped)
        {
            Assert.Equal("gzip", context.Response.Headers.ContentEncoding.ToString());
            using var unzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var text = new StreamReader(unzip, Encoding.UTF8);
            Assert.Equal(Encoding.UTF8.GetString(Asset("app.js").Content), await text.ReadToEndAsync());
        }
        else
        {
            Assert.Empty(context.Response.Headers.ContentEncoding.ToString());
            Assert.Equal(Asset("app.js").Content, bytes);
        }
    }

    [Fact]
    public async Task The_gzipped_and_the_plain_file_have_different_etags()
    {
        var plain = await GetAsync("app.js");
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptEncoding = "gzip";
        await Endpoints.GetAsync(context.Request, "app.js");

        Assert.NotEqual(plain.Headers.ETag.ToString(), context.Response.Headers.ETag.ToString());
    }
}
