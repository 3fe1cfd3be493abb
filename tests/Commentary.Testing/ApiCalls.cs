using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Commentary.Testing;

/// <summary>The calls a reader's page and a moderator make, over HTTP, for tests to read like the story they tell.</summary>
public static class ApiCalls
{
    /// <summary>A request with the moderator key (or another key, to test refusals).</summary>
    public static HttpRequestMessage AsModerator(this SelfHost host, HttpMethod method, string path, string key = SelfHost.ModeratorKey)
    {
        ArgumentNullException.ThrowIfNull(host);
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    /// <summary>The live moderation settings as <c>GET /moderation/settings</c> answers them, and their ETag.</summary>
    public static async Task<(JsonObject Settings, string ETag)> GetModerationSettingsAsync(this SelfHost host)
    {
        using var request = host.AsModerator(HttpMethod.Get, "moderation/settings");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((await response.Content.ReadFromJsonAsync<JsonObject>())!, response.Headers.ETag!.ToString());
    }

    /// <summary><c>PUT /moderation/settings</c> with this JSON and, unless null, an If-Match; the answer is the caller's to read.</summary>
    public static Task<HttpResponseMessage> PutModerationSettingsAsync(this SelfHost host, string json, string? ifMatch)
    {
        var request = host.AsModerator(HttpMethod.Put, "moderation/settings");
        request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return host.Client.SendAsync(request);
    }

    /// <summary>Changes the live settings as the dashboard does: read them, change them, save them with If-Match. Answers the new ETag.</summary>
    public static async Task<string> ChangeModerationSettingsAsync(this SelfHost host, Action<JsonObject> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (settings, etag) = await host.GetModerationSettingsAsync();
        change(settings);
        using var saved = await host.PutModerationSettingsAsync(settings.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return saved.Headers.ETag!.ToString();
    }

    public static Task<HttpResponseMessage> PostCommentAsync(this SelfHost host, string slug, string author, string email, string body, string? website = null, string? parentId = null) =>
        host.Client.PostAsJsonAsync($"articles/{slug}/comments", new { author, email, body, website, parentId });

    public static async Task<string> SubmitAsync(this SelfHost host, string slug, string author, string email, string body, string? parentId = null)
    {
        using var response = await host.PostCommentAsync(slug, author, email, body, parentId: parentId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>
    /// A comment from reader number <paramref name="reader"/>, with an email and an IP address of its own (the address as
    /// a trusted proxy's <c>X-Forwarded-For</c> names it, for a host started with <see cref="SelfHost.BehindLocalProxy"/>):
    /// how an outside evaluation posts many comments without the flood rule joining them. Answers the comment's id.
    /// </summary>
    public static async Task<string> SubmitAsReaderAsync(this SelfHost host, string slug, int reader, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"articles/{slug}/comments")
        {
            Content = JsonContent.Create(new { author = "Reader", email = $"reader{reader}-{Guid.NewGuid():N}@example.org", body }),
        };
        request.Headers.Add("X-Forwarded-For", $"10.{reader / 250 % 250}.{reader % 250}.7");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>A published comment the way a site gets one: posted, stored by the worker, then approved by a moderator.</summary>
    public static async Task<string> SubmitApprovedAsync(this SelfHost host, string slug, string author, string email, string body, string? parentId = null)
    {
        var id = await host.SubmitAsync(slug, author, email, body, parentId);
        await host.StoredStatusAsync(slug, id);
        await host.ModerateAsync("approve", slug, id);
        return id;
    }

    /// <summary>
    /// Waits until the worker has finished with the comment — stored, and entered in the moderation and commenter
    /// indexes, which are written just after it — and returns its status.
    /// </summary>
    public static Task<string> StoredStatusAsync(this SelfHost host, string slug, string id) =>
        Eventually.GetAsync(async () =>
        {
            var stored = await host.Services.GetRequiredService<Core.Comments.CommentStore>().FindAsync(slug, id, CancellationToken.None);
            if (stored is null)
            {
                return null;
            }

            var status = Core.Comments.CommentStatusNames.ToWire(stored.Status);
            var listed = await host.Storage.ModerationIndex.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(status, Core.Moderation.ModerationIndex.RowKey(id, stored.Priority));
            var remembered = await host.Storage.CommenterIndex.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(stored.EmailHash, id);
            return listed.HasValue && remembered.HasValue ? status : null;
        }, $"comment {id} to be stored");

    /// <summary>
    /// Waits until the comment shows in the moderators' list: the list's index is written just after the comment,
    /// so "stored" does not yet mean "listed".
    /// </summary>
    public static Task<JsonNode> ListedForModerationAsync(this SelfHost host, string slug, string id, string status = "pending") =>
        Eventually.GetAsync(async () =>
        {
            using var request = host.AsModerator(HttpMethod.Get, $"moderation/comments?status={status}&article={slug}&limit=200");
            using var response = await host.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            return page["items"]!.AsArray().FirstOrDefault(i => i!["id"]!.GetValue<string>() == id);
        }, $"comment {id} in the {status} list");

    public static async Task<JsonObject> ModerateAsync(this SelfHost host, string action, string slug, string id, object? body = null)
    {
        using var request = host.AsModerator(HttpMethod.Post, $"moderation/comments/{slug}/{id}/{action}");
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> GetJsonAsync(this SelfHost host, string path)
    {
        using var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>A conditional GET: the answer is <c>304</c> while the client's copy (<paramref name="etag"/>) is current.</summary>
    public static async Task<HttpResponseMessage> GetIfNoneMatchAsync(this SelfHost host, string path, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        return await host.Client.SendAsync(request);
    }

    public static async Task<JsonObject> GetModeratorJsonAsync(this SelfHost host, string path)
    {
        using var request = host.AsModerator(HttpMethod.Get, path);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>
    /// Asks for a retrain of the moderation model over HTTP and waits for its report (the first newer than
    /// <paramref name="after"/>, or any when null) in <c>GET /moderation/model</c>.
    /// </summary>
    public static async Task<JsonNode> RetrainModelAsync(this SelfHost host, DateTimeOffset? after)
    {
        using (var request = host.AsModerator(HttpMethod.Post, "moderation/model/retrain"))
        using (var response = await host.Client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        return await Eventually.GetAsync<JsonNode>(
            async () => (await host.GetModeratorJsonAsync("moderation/model"))["lastRetrain"] is { } r && (after is null || r["at"]!.GetValue<DateTimeOffset>() > after) ? r : null,
            "the retrain's report", TimeSpan.FromMinutes(5));
    }

    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)expected, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["type"]?.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }

    public static string[] Ids(this JsonObject page) =>
        page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
