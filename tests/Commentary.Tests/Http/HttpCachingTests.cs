namespace Commentary.Tests.Http;

public class HttpCachingTests
{
    private const string ETag = "\"abc123\"";
    private const string CacheControl = "public, max-age=60";

    private static DefaultHttpContext Request(string? ifNoneMatch)
    {
        var context = new DefaultHttpContext();
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        return context;
    }

    [Fact]
    public void A_matching_If_None_Match_is_not_modified_and_the_validators_are_set()
    {
        var context = Request(ETag);

        Assert.True(HttpCaching.IsNotModified(context.Request, ETag, CacheControl));
        Assert.Equal(ETag, context.Response.Headers.ETag.ToString());
        Assert.Equal(CacheControl, context.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public void A_different_If_None_Match_is_modified()
    {
        Assert.False(HttpCaching.IsNotModified(Request("\"other\"").Request, ETag, CacheControl));
    }

    [Fact]
    public void Without_If_None_Match_the_answer_is_modified_but_still_carries_the_etag()
    {
        var context = Request(null);

        Assert.False(HttpCaching.IsNotModified(context.Request, ETag, CacheControl));
        Assert.Equal(ETag, context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public void A_wildcard_If_None_Match_is_not_modified()
    {
        Assert.True(HttpCaching.IsNotModified(Request("*").Request, ETag, CacheControl));
    }

    [Fact]
    public void A_list_that_contains_the_etag_is_not_modified()
    {
        Assert.True(HttpCaching.IsNotModified(Request("\"old\", \"abc123\"").Request, ETag, CacheControl));
    }

    [Fact]
    public void A_weak_form_of_the_etag_is_not_modified()
    {
        Assert.True(HttpCaching.IsNotModified(Request("W/\"abc123\"").Request, ETag, CacheControl));
    }

    [Fact]
    public void An_unquoted_If_None_Match_is_modified()
    {
        Assert.False(HttpCaching.IsNotModified(Request("abc123").Request, ETag, CacheControl));
    }

    [Fact]
    public void ETagOf_is_a_quoted_stable_value_that_changes_with_its_parts()
    {
        var etag = HttpCaching.ETagOf("article", "v1");

        Assert.Matches("^\"[0-9a-f]{24}\"$", etag);
        Assert.Equal(etag, HttpCaching.ETagOf("article", "v1"));
        Assert.NotEqual(etag, HttpCaching.ETagOf("article", "v2"));
        Assert.NotEqual(etag, HttpCaching.ETagOf("articlev1"));
    }

    [Fact]
    public async Task NotModified_answers_304()
    {
        var response = await ResultExecution.ExecuteAsync(HttpCaching.NotModified());

        Assert.Equal(StatusCodes.Status304NotModified, response.StatusCode);
        Assert.Empty(response.Body);
    }
}
