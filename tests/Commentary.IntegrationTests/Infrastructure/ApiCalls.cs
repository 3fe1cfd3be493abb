using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Commentary.IntegrationTests.Infrastructure;

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

    public static Task<HttpResponseMessage> PostCommentAsync(this SelfHost host, string slug, string author, string email, string body, string? website = null, string? parentId = null) =>
        host.Client.PostAsJsonAsync($"articles/{slug}/comments", new { author, email, body, website, parentId });

    public static async Task<string> SubmitAsync(this SelfHost host, string slug, string author, string email, string body, string? parentId = null)
    {
        using var response = await host.PostCommentAsync(slug, author, email, body, parentId: parentId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    /// <summary>Waits until the worker has stored the comment and returns its status.</summary>
    public static Task<string> StoredStatusAsync(this SelfHost host, string slug, string id) =>
        Eventually.GetAsync(async () =>
        {
            var stored = await host.Services.GetRequiredService<Core.Comments.CommentStore>().FindAsync(slug, id, CancellationToken.None);
            return stored?.Status.ToString().ToLowerInvariant();
        }, $"comment {id} to be stored");

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
