using System.Net;
using System.Text;

namespace Commentary.Bench;

/// <summary>The API as a reader's page calls it, over one pooled HTTP client.</summary>
public static class Http
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static async Task GetAsync(string api, string path)
    {
        using var response = await Client.GetAsync(api + path);
        await response.Content.CopyToAsync(Stream.Null);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode}");
        }
    }

    public static async Task PostCommentAsync(string api, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync($"{api}/api/articles/{Seeding.PostTarget}/comments", content);
        await response.Content.CopyToAsync(Stream.Null);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new HttpRequestException($"POST answered {(int)response.StatusCode}");
        }
    }
}
