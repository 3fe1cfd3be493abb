using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Commentary.Testing;

/// <summary>
/// A stand-in for Akismet's REST API on loopback. What it answers depends on a marker in the comment text, so tests
/// sharing one host never disturb each other: <c>[akismet:spam]</c> → <c>true</c>, <c>[akismet:discard]</c> → <c>true</c>
/// with the discard tip, <c>[akismet:down]</c> → the connection is dropped every time, <c>[akismet:down-once]</c> and
/// <c>[akismet:down-once-spam]</c> → dropped on the first check, then <c>false</c> or <c>true</c>, <c>[akismet:invalid]</c> →
/// the answer to a wrong key; anything else → <c>false</c>.
/// Every request is recorded with its form fields.
/// </summary>
public sealed class FakeAkismet : IAsyncDisposable
{
    public const string ApiKey = "fake-akismet-key";
    public const string SiteUrl = "https://therapy.example.org/";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<AkismetCall> _calls = new();

    private FakeAkismet(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<AkismetCall> Calls => [.. _calls];

    public IReadOnlyList<AkismetCall> CallsAbout(string text) => [.. _calls.Where(c => c.Fields.GetValueOrDefault("comment_content")?.Contains(text, StringComparison.Ordinal) == true)];

    /// <summary>Settings that point a host at this fake, with retries a test can wait for.</summary>
    public Dictionary<string, string?> Settings(int maxAttempts) => new()
    {
        ["Moderation:Akismet:ApiKey"] = ApiKey,
        ["Moderation:Akismet:SiteUrl"] = SiteUrl,
        ["Moderation:Akismet:Endpoint"] = Endpoint.ToString(),
        ["Moderation:Akismet:FirstRetryAfter"] = "00:00:01",
        ["Moderation:Akismet:LongestRetryAfter"] = "00:00:02",
        ["Moderation:Akismet:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static async Task<FakeAkismet> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeAkismet(app);
        app.MapPost("/1.1/{method}", fake.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.Endpoint = new Uri(address.TrimEnd('/') + "/1.1/");
        return fake;
    }

    private async Task AnswerAsync(HttpContext context, string method)
    {
        var form = await context.Request.ReadFormAsync();
        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        var content = fields.GetValueOrDefault("comment_content") ?? string.Empty;
        var earlierChecks = _calls.Count(c => c.Method == "comment-check" && c.Fields.GetValueOrDefault("comment_content") == content);
        _calls.Enqueue(new AkismetCall(method, fields));

        // A marker stands for a key Akismet does not know, so the one host under test keeps its real key.
        if (fields.GetValueOrDefault("api_key") != ApiKey || fields.GetValueOrDefault("blog") != SiteUrl
            || content.Contains("[akismet:invalid]", StringComparison.Ordinal))
        {
            context.Response.Headers["X-akismet-debug-help"] = "Empty or invalid key or site";
            await context.Response.WriteAsync("invalid");
            return;
        }

        if (method is "submit-ham" or "submit-spam")
        {
            await context.Response.WriteAsync("Thanks for making the web a better place.");
            return;
        }

        var down = content.Contains("[akismet:down]", StringComparison.Ordinal)
            || (content.Contains("[akismet:down-once", StringComparison.Ordinal) && earlierChecks == 0);
        if (down)
        {
            context.Abort();
            return;
        }

        var spam = content.Contains("[akismet:spam]", StringComparison.Ordinal)
            || content.Contains("[akismet:discard]", StringComparison.Ordinal)
            || content.Contains("[akismet:down-once-spam]", StringComparison.Ordinal);
        if (content.Contains("[akismet:discard]", StringComparison.Ordinal))
        {
            context.Response.Headers["X-akismet-pro-tip"] = "discard";
        }

        await context.Response.WriteAsync(spam ? "true" : "false");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed record AkismetCall(string Method, IReadOnlyDictionary<string, string> Fields);
