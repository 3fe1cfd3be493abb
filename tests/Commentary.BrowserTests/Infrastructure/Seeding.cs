using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Commentary.BrowserTests.Infrastructure;

/// <summary>Comments put in place through the API, the way readers and moderators would.</summary>
public static class Seeding
{
    /// <summary>Posts a comment from a new email address, which the policy holds, and waits until it is stored.</summary>
    public static async Task<string> PendingCommentAsync(this SelfHost host, string slug, string author, string body, string? parentId = null, string? website = null)
    {
        using var response = await host.PostCommentAsync(slug, author, NewEmail(), body, website, parentId);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        Assert.Equal("pending", await host.StoredStatusAsync(slug, id));
        return id;
    }

    public static async Task<string> ApprovedCommentAsync(this SelfHost host, string slug, string author, string body, string? parentId = null, string? website = null)
    {
        var id = await host.PendingCommentAsync(slug, author, body, parentId, website);
        await host.ModerateAsync("approve", slug, id);
        return id;
    }

    public static string NewEmail() => $"reader-{Guid.NewGuid():N}@example.com";
}
