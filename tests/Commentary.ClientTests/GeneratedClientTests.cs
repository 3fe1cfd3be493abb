using System.Text.RegularExpressions;
using Commentary.ClientTests.Client.Models;
using Commentary.ClientTests.Client.Moderation.Comments;
using Commentary.ClientTests.Infrastructure;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Commentary.ClientTests;

/// <summary>
/// The API as a consumer meets it through a client Kiota generated from our OpenAPI document, against the real
/// self-host on a real Azurite: typed answers, typed enums, and typed errors for a 400, a 401 and a 404.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed partial class GeneratedClientTests(StorageFixture fixture) : IDisposable
{
    private readonly SelfHost _host = fixture.Host;
    private readonly KiotaClients _clients = new(fixture.Host);

    public void Dispose() => _clients.Dispose();

    [Fact]
    public async Task Lists_articles_page_by_page_and_gets_one()
    {
        var slug = await _host.AddArticleAsync("client-articles");
        var client = _clients.Anonymous();

        // Follows continuation tokens until the article shows, as a client reading every page would.
        var listed = new List<ArticleSummary>();
        string? token = null;
        do
        {
            var page = await client.Articles.GetAsync(c =>
            {
                c.QueryParameters.Limit = 2;
                c.QueryParameters.ContinuationToken = token;
            });
            Assert.NotNull(page?.Items);
            Assert.InRange(page.Items.Count, 1, 2);
            listed.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null && listed.All(a => a.Slug != slug));

        var summary = Assert.Single(listed, a => a.Slug == slug);
        Assert.Equal($"Test article {slug}", summary.Title);
        Assert.Equal(0, summary.CommentCount);

        var article = await client.Articles[slug].GetAsync();
        Assert.NotNull(article);
        Assert.Equal(slug, article.Slug);
        Assert.Equal("Test Author", article.Author);
        Assert.True(article.CommentsOpen);
        Assert.Null(article.Updated);
        Assert.NotNull(article.Published);
        Assert.Contains("<em>text</em>", article.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_posted_comment_answers_a_typed_receipt_and_a_moderator_with_a_key_approves_it()
    {
        var slug = await _host.AddArticleAsync("client-post");
        var client = _clients.Anonymous();
        var body = $"Posted through the generated client {Guid.NewGuid():N}.";

        var receipt = await client.Articles[slug].Comments.PostAsync(new CommentSubmission
        {
            Author = "Kiota Reader",
            Email = $"kiota-{Guid.NewGuid():N}@example.com",
            Body = body,
        });

        Assert.NotNull(receipt);
        Assert.Equal(SubmissionReceipt_status.Pending, receipt.Status);
        Assert.Matches(CommentIdPattern(), receipt.Id);
        var status = await client.Articles[slug].Comments[receipt.Id!].GetAsync();
        Assert.Equal(receipt.Id, status!.Id);
        Assert.Equal(Status.Pending, status.Status);

        // A first comment from an address waits for a moderator: the moderator's typed list shows it once stored.
        var moderator = _clients.Moderator();
        var held = await Eventually.GetAsync(async () =>
        {
            var page = await moderator.Moderation.Comments.GetAsync(c =>
            {
                c.QueryParameters.Status = GetStatusQueryParameterType.Pending;
                c.QueryParameters.Article = slug;
            });
            return page!.Items!.SingleOrDefault(i => i.Id == receipt.Id);
        }, $"comment {receipt.Id} in the pending list");
        Assert.Equal(body, held.Body);
        Assert.Equal(Status.Pending, held.Status);

        var approved = await moderator.Moderation.Comments[slug][receipt.Id!].Approve.PostAsync();
        Assert.Equal(Status.Approved, approved!.Status);
        Assert.Equal(SelfHost.ModeratorName, approved.ModeratedBy);
        Assert.NotNull(approved.ModeratedAt);

        var published = await client.Articles[slug].Comments.GetAsync();
        var comment = Assert.Single(published!.Items!);
        Assert.Equal(receipt.Id, comment.Id);
        Assert.Null(comment.ParentId);
        Assert.Equal("Kiota Reader", comment.Author);
        Assert.NotNull(comment.Created);
    }

    [Fact]
    public async Task A_400_is_a_typed_validation_problem_that_names_each_field()
    {
        var slug = await _host.AddArticleAsync("client-invalid");
        var client = _clients.Anonymous();

        var invalid = await Assert.ThrowsAsync<ValidationProblem>(() => client.Articles[slug].Comments.PostAsync(new CommentSubmission
        {
            Author = string.Empty,
            Email = "not-an-email",
            Body = "x",
        }));

        Assert.Equal(400, invalid.ResponseStatusCode);
        Assert.Equal(400, invalid.Status);
        Assert.Equal("Invalid request", invalid.Title);
        var errors = FieldErrors(invalid);
        Assert.Contains("email", errors.Keys);
        Assert.Contains("body", errors.Keys);
        Assert.All(errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));

        var badLimit = await Assert.ThrowsAsync<ValidationProblem>(() => client.Articles.GetAsync(c => c.QueryParameters.Limit = 0));
        Assert.Equal(["limit"], FieldErrors(badLimit).Keys);
    }

    [Fact]
    public async Task A_404_and_a_401_are_typed_problems_with_their_titles()
    {
        var client = _clients.Anonymous();

        var missing = await Assert.ThrowsAsync<Problem>(() => client.Articles["no-such-article-for-the-client"].GetAsync());
        Assert.Equal(404, missing.ResponseStatusCode);
        Assert.Equal("Not found", missing.Title);
        Assert.Equal("https://commentary.dev/problems/not-found", missing.Type);
        Assert.Contains("no-such-article-for-the-client", missing.Detail, StringComparison.Ordinal);

        var anonymous = await Assert.ThrowsAsync<Problem>(() => client.Moderation.Comments.GetAsync());
        Assert.Equal(401, anonymous.ResponseStatusCode);
        Assert.Equal("Moderator credentials required", anonymous.Title);

        var wrongKey = await Assert.ThrowsAsync<Problem>(() => _clients.Moderator("not-the-key").Moderation.Comments.GetAsync());
        Assert.Equal(401, wrongKey.ResponseStatusCode);
    }

    /// <summary>A validation problem's <c>errors</c> map (field → messages), which Kiota keeps as additional data.</summary>
    private static Dictionary<string, string[]> FieldErrors(ValidationProblem problem)
    {
        Assert.NotNull(problem.Errors);
        return problem.Errors.AdditionalData.ToDictionary(
            e => e.Key,
            e => Assert.IsType<UntypedArray>(e.Value).GetValue().Select(m => Assert.IsType<UntypedString>(m).GetValue() ?? string.Empty).ToArray());
    }

    [GeneratedRegex("^[0-7][0-9A-HJKMNP-TV-Z]{25}$")]
    private static partial Regex CommentIdPattern();
}
