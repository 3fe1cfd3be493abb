using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Commentary.BrowserTests.Infrastructure;

/// <summary>Bans put in place and read back through the API, as another moderator (or a script) would.</summary>
public static class BanCalls
{
    /// <summary>Adds a ban (body as <c>POST /moderation/bans</c> takes it) and returns it as the API answered.</summary>
    public static async Task<JsonObject> AddBanAsync(this SelfHost host, object body)
    {
        using var request = host.AsModerator(HttpMethod.Post, "moderation/bans");
        request.Content = JsonContent.Create(body);
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Every ban the API lists, expired ones included.</summary>
    public static async Task<IReadOnlyList<JsonObject>> ListBansAsync(this SelfHost host)
    {
        using var request = host.AsModerator(HttpMethod.Get, "moderation/bans");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return page["items"]!.AsArray().Select(item => item!.AsObject()).ToArray();
    }

    public static async Task<JsonObject?> FindBanAsync(this SelfHost host, string banId) =>
        (await host.ListBansAsync()).FirstOrDefault(ban => ban["id"]!.GetValue<string>() == banId);

    public static async Task RemoveBanAsync(this SelfHost host, string banId)
    {
        using var request = host.AsModerator(HttpMethod.Delete, $"moderation/bans/{banId}");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>
    /// An IP hash no client here has: banning the real one of 127.0.0.1 would reject every other test's comments.
    /// </summary>
    public static string UnusedIpHash() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
