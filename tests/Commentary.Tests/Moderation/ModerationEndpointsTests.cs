using Commentary.Api.Moderation;
using Commentary.Api.Protection;
using Commentary.Core.Access;
using Commentary.Core.Articles;
using Commentary.Core.Caching;
using Commentary.Core.Moderation.Akismet;
using Commentary.Core.Storage;
using Commentary.Tests.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commentary.Tests.Moderation;

/// <summary>
/// The key check and the checks made before storage is touched. Storage points at the emulator's address, but none
/// of these requests gets far enough to call it.
/// </summary>
public class ModerationEndpointsTests
{
    private const string Key = "s3cret-key";
    private const string Slug = "hello-world";
    private const string Id = "01HV3Z8Y9K2M4N6P8Q0R2S4T6V";

    private static readonly ModerationEndpoints Endpoints = Create();

    private static ModerationEndpoints Create()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("AzureWebJobsStorage", "UseDevelopmentStorage=true")])
            .Build();
        var storage = StorageClients.FromConfiguration(configuration);
        var comments = new CommentStore(storage);
        var index = new ModerationIndex(storage, comments);
        var commenters = new CommenterHistory(storage);
        var events = new CommentEvents(storage);
        var writer = new CommentWriter(comments, index, commenters, new RecentSignals(storage, commenters), new CommentPageCache(comments, Freshness.Never), new Tombstones(storage), TimeProvider.System);
        var pages = new CommentPageCache(comments, Freshness.Never);
        var actions = new ModerationActions(writer, events, new ReaderReports(storage), new HelpfulMarks(storage, comments, pages, TimeProvider.System),
            new AkismetFeedback(new AkismetWorkSender(storage), Options.Create(new AkismetOptions()), NullLogger<AkismetFeedback>.Instance),
            new NotificationOutbox(storage, [], TimeProvider.System, NullLogger<NotificationOutbox>.Instance),
            TimeProvider.System, NullLogger<ModerationActions>.Instance);
        var keys = new ModeratorKeys(Options.Create(new ModeratorOptions
        {
            Moderators = [new ModeratorKey { Name = "Ann", KeySha256 = ModeratorKeys.HashOf(Key) }],
        }));
        var lockout = new ModeratorLockout(Options.Create(new LockoutOptions { FreeFailures = int.MaxValue }), TimeProvider.System);
        var access = new ModeratorAccess(keys, new Commentary.Api.Access.ModeratorTokens(Options.Create(new SignInOptions())), new ClientAddress(configuration), lockout, new EndpointGuard(NullLogger<EndpointGuard>.Instance));
        var settingsStore = new ModerationSettingsStore(storage);
        var crisis = new CrisisSupport(events, new ArticleStore(storage, NullLogger<ArticleStore>.Instance), new SmtpMailSender(Options.Create(new MailOptions())), TimeProvider.System);
        var policies = new PolicyProvider(settingsStore, TimeProvider.System, NullLogger<PolicyProvider>.Instance);
        return new ModerationEndpoints(access, index, commenters, actions, comments, events, crisis, policies);
    }

    private static DefaultHttpContext Request(string? authorization, string query = "", string? jsonBody = null)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        if (jsonBody is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(jsonBody);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = bytes.Length;
            context.Request.Body = new MemoryStream(bytes);
        }

        return context;
    }

    private static async Task<ExecutedResponse> CallAsync(string operation, DefaultHttpContext context, string slug = Slug, string id = Id)
    {
        var result = operation switch
        {
            "list" => await Endpoints.ListAsync(context.Request),
            "approve" => await Endpoints.ApproveAsync(context.Request, slug, id),
            "reject" => await Endpoints.RejectAsync(context.Request, slug, id),
            "delete" => await Endpoints.DeleteAsync(context.Request, slug, id),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };
        return await ResultExecution.ExecuteAsync(result, context);
    }

    [Theory]
    [InlineData("list", null)]
    [InlineData("list", "Bearer wrong-key")]
    [InlineData("list", "Basic czNjcmV0LWtleQ==")]
    [InlineData("list", "Bearer ")]
    [InlineData("approve", null)]
    [InlineData("approve", "Bearer wrong-key")]
    [InlineData("reject", null)]
    [InlineData("reject", "Bearer wrong-key")]
    [InlineData("delete", null)]
    [InlineData("delete", "Bearer wrong-key")]
    public async Task Without_a_valid_key_every_route_answers_401_with_a_bearer_challenge(string operation, string? authorization)
    {
        var response = await CallAsync(operation, Request(authorization));

        Assert.Equal(StatusCodes.Status401Unauthorized, response.StatusCode);
        Assert.True(response.IsProblem, response.ContentType);
        Assert.Equal("Bearer", response.Headers.WWWAuthenticate.ToString());
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_401_does_not_echo_the_presented_key()
    {
        var response = await CallAsync("list", Request("Bearer wrong-key"));

        Assert.DoesNotContain("wrong-key", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("approve", "Not-A-Slug", Id)]
    [InlineData("approve", Slug, "not-an-id")]
    [InlineData("reject", Slug, "not-an-id")]
    [InlineData("delete", "bad/slug", Id)]
    public async Task With_a_valid_key_a_malformed_comment_key_is_404(string operation, string slug, string id)
    {
        var response = await CallAsync(operation, Request("Bearer " + Key), slug, id);

        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        Assert.True(response.IsProblem, response.ContentType);
    }

    [Fact]
    public async Task With_a_valid_key_a_rejection_without_a_reason_is_a_400_keyed_reason()
    {
        var response = await CallAsync("reject", Request("Bearer " + Key));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal(["reason"], response.ErrorFields());
    }

    [Fact]
    public async Task With_a_valid_key_a_blank_reason_is_a_400_keyed_reason()
    {
        var response = await CallAsync("reject", Request("Bearer " + Key, jsonBody: "{\"reason\":\"   \"}"));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal(["reason"], response.ErrorFields());
    }

    [Fact]
    public async Task With_a_valid_key_a_reason_over_500_characters_is_a_400_keyed_reason()
    {
        var response = await CallAsync("reject", Request("Bearer " + Key, jsonBody: $"{{\"reason\":\"{new string('x', 501)}\"}}"));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal(["reason"], response.ErrorFields());
    }

    [Fact]
    public async Task With_a_valid_key_a_malformed_rejection_body_is_a_400_problem()
    {
        var response = await CallAsync("reject", Request("Bearer " + Key, jsonBody: "{\"reason\":"));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.True(response.IsProblem, response.ContentType);
    }

    [Fact]
    public async Task With_a_valid_key_an_unknown_status_filter_is_a_400_keyed_status()
    {
        var response = await CallAsync("list", Request("Bearer " + Key, "?status=spam"));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal(["status"], response.ErrorFields());
    }

    [Fact]
    public async Task With_a_valid_key_a_bad_limit_is_a_400_keyed_limit()
    {
        var response = await CallAsync("list", Request("Bearer " + Key, "?limit=0"));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal(["limit"], response.ErrorFields());
    }

    [Fact]
    public async Task With_a_valid_key_a_token_that_is_not_an_index_key_is_a_400_keyed_continuationToken()
    {
        var response = await CallAsync("list", Request("Bearer " + Key, "?continuationToken=" + Id));

        Assert.Equal(StatusCodes.Status400BadRequest, response.StatusCode);
        Assert.Equal(["continuationToken"], response.ErrorFields());
    }
}
