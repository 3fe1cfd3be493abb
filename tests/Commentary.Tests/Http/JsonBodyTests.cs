namespace Commentary.Tests.Http;

public class JsonBodyTests
{
    private static DefaultHttpContext Request(string? contentType, string body, bool declareLength = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(bytes);
        if (declareLength)
        {
            context.Request.ContentLength = bytes.Length;
        }

        return context;
    }

    /// <summary>A valid JSON object of exactly <paramref name="size"/> bytes.</summary>
    private static string JsonOfSize(int size)
    {
        const string prefix = "{\"author\":\"Ann\",\"body\":\"";
        const string suffix = "\"}";
        return prefix + new string('x', size - prefix.Length - suffix.Length) + suffix;
    }

    private static async Task<ExecutedResponse> ProblemOf(DefaultHttpContext context)
    {
        var (value, problem) = await JsonBody.ReadAsync<CommentSubmission>(context.Request, CancellationToken.None);

        Assert.Null(value);
        Assert.NotNull(problem);
        return await ResultExecution.ExecuteAsync(problem, context);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_that_is_not_declared_as_json_is_a_415_problem(string? contentType)
    {
        var response = await ProblemOf(Request(contentType, "{\"author\":\"Ann\"}"));

        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, response.StatusCode);
        Assert.True(response.IsProblem, response.ContentType);
    }

    [Fact]
    public async Task A_declared_length_over_64_KB_is_a_413_problem()
    {
        var response = await ProblemOf(Request("application/json", JsonOfSize(JsonBody.MaxBytes + 1), declareLength: true));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, response.StatusCode);
        Assert.True(response.IsProblem, response.ContentType);
    }

    [Fact]
    public async Task A_declared_length_over_64_KB_is_refused_before_the_body_is_read()
    {
        var context = Request("application/json", "{}");
        context.Request.ContentLength = JsonBody.MaxBytes + 1;

        var response = await ProblemOf(context);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, response.StatusCode);
        Assert.Equal(0, context.Request.Body.Position);
    }

    [Fact]
    public async Task An_undeclared_body_over_64_KB_is_a_413_problem()
    {
        var response = await ProblemOf(Request("application/json", JsonOfSize(JsonBody.MaxBytes + 1), declareLength: false));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, response.StatusCode);
        Assert.True(response.IsProblem, response.ContentType);
    }

    [Fact]
    public async Task A_body_of_exactly_64_KB_is_read()
    {
        var (value, problem) = await JsonBody.ReadAsync<CommentSubmission>(
            Request("application/json", JsonOfSize(JsonBody.MaxBytes), declareLength: false).Request, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal("Ann", value!.Author);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"author\":")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        var response = await ProblemOf(Request("application/json", body));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.True(response.IsProblem, response.ContentType);
    }

    [Fact]
    public async Task Valid_json_is_read_and_unknown_fields_are_ignored()
    {
        var context = Request("application/json; charset=utf-8",
            "{\"author\":\"Ann\",\"email\":\"ann@example.com\",\"body\":\"Hi there\",\"favouriteColour\":\"blue\",\"nested\":{\"a\":[1]}}");

        var (value, problem) = await JsonBody.ReadAsync<CommentSubmission>(context.Request, CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal(new CommentSubmission("Ann", "ann@example.com", null, "Hi there", null), value);
    }

    [Fact]
    public async Task An_optional_empty_body_is_no_value_and_no_problem()
    {
        var (value, problem) = await JsonBody.ReadOptionalAsync<CommentSubmission>(Request(null, string.Empty).Request, CancellationToken.None);

        Assert.Null(value);
        Assert.Null(problem);
    }

    [Fact]
    public async Task An_optional_body_that_is_present_is_still_checked()
    {
        var context = Request("text/plain", "hello");

        var (value, problem) = await JsonBody.ReadOptionalAsync<CommentSubmission>(context.Request, CancellationToken.None);

        Assert.Null(value);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, (await ResultExecution.ExecuteAsync(problem!, context)).StatusCode);
    }
}
