namespace Commentary.Tests.Http;

public class PageRequestTests
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    private static DefaultHttpContext Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context;
    }

    private static (PageRequest? Page, IResult? Problem) From(DefaultHttpContext context) =>
        PageRequest.From(context.Request, DefaultLimit, MaxLimit, token => token.StartsWith("ok-", StringComparison.Ordinal));

    [Fact]
    public void Without_parameters_the_default_limit_and_no_token_apply()
    {
        var (page, problem) = From(Request(string.Empty));

        Assert.Null(problem);
        Assert.Equal(new PageRequest(DefaultLimit, null), page);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("200", 200)]
    [InlineData("007", 7)]
    public void A_limit_within_range_is_taken(string limit, int expected)
    {
        var (page, problem) = From(Request("?limit=" + limit));

        Assert.Null(problem);
        Assert.Equal(expected, page!.Limit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("%2B5")]
    [InlineData("%205")]
    [InlineData("99999999999")]
    public async Task A_limit_out_of_range_or_not_a_whole_number_is_a_400_problem_keyed_limit(string limit)
    {
        var context = Request("?limit=" + limit);

        var (page, problem) = From(context);

        Assert.Null(page);
        var response = await ResultExecution.ExecuteAsync(problem!, context);
        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.True(response.IsProblem, response.ContentType);
        Assert.Equal(["limit"], response.ErrorFields());
    }

    [Fact]
    public async Task A_token_the_list_did_not_issue_is_a_400_problem_keyed_continuationToken()
    {
        var context = Request("?continuationToken=forged");

        var (page, problem) = From(context);

        Assert.Null(page);
        var response = await ResultExecution.ExecuteAsync(problem!, context);
        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.True(response.IsProblem, response.ContentType);
        Assert.Equal(["continuationToken"], response.ErrorFields());
    }

    [Fact]
    public void A_valid_token_becomes_the_starting_point()
    {
        var (page, problem) = From(Request("?limit=10&continuationToken=ok-123"));

        Assert.Null(problem);
        Assert.Equal(new PageRequest(10, "ok-123"), page);
    }
}
