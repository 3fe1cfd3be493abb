using Commentary.Api.Hosting;
using Commentary.Core.Access;
using Commentary.Core.Articles;
using Commentary.Core.Moderation;
using Commentary.Core.Moderation.Policy;
using Commentary.Core.Storage;
using Commentary.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;

namespace Commentary.Testing;

/// <summary>The real self-host on a free loopback port, talking to a real Azurite, reached over real HTTP.</summary>
public sealed class SelfHost : IAsyncDisposable
{
    public const string ModeratorName = "test-moderator";
    public const string ModeratorKey = "integration-test-moderator-key";

    /// <summary>A second key, with the <c>moderator</c> role only (<see cref="ModeratorKey"/> has the default, <c>admin</c>).</summary>
    public const string QueueModeratorName = "test-queue-moderator";
    public const string QueueModeratorKey = "integration-test-queue-moderator-key";

    private SelfHost(WebApplication app, Uri baseAddress, CapturedLogs logs)
    {
        Logs = logs;
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = new Uri(baseAddress, "api/") };
    }

    public WebApplication App { get; }
    public CapturedLogs Logs { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => App.Services;
    public StorageClients Storage => Services.GetRequiredService<StorageClients>();

    /// <summary>Settings for a host that believes a local proxy's <c>X-Forwarded-For</c>, so each test reader can have an address of its own.</summary>
    public static IDictionary<string, string?> BehindLocalProxy => new Dictionary<string, string?> { ["Network:TrustedProxies:0"] = "127.0.0.1" };

    public static async Task<SelfHost> StartAsync(
        string connectionString, IDictionary<string, string?>? settings = null, bool waitForStorage = true, StorageClients? storage = null, string? environment = null)
    {
        var logs = new CapturedLogs();
        string[] args = environment is null ? ["--urls", "http://127.0.0.1:0"] : ["--urls", "http://127.0.0.1:0", "--environment", environment];
        var app = CommentaryServer.Build(args, builder =>
        {
            var values = new Dictionary<string, string?>
            {
                [StorageNames.ConnectionSetting] = connectionString,
                ["Moderation:Moderators:0:Name"] = ModeratorName,
                ["Moderation:Moderators:0:KeySha256"] = ModeratorKeys.HashOf(ModeratorKey),
                ["Moderation:Moderators:1:Name"] = QueueModeratorName,
                ["Moderation:Moderators:1:KeySha256"] = ModeratorKeys.HashOf(QueueModeratorKey),
                ["Moderation:Moderators:1:Role"] = "moderator",
                ["extensions:queues:maxPollingInterval"] = "00:00:00.200",
                ["extensions:queues:visibilityTimeout"] = "00:00:00",
                ["Privacy:IpHashKey"] = "integration-test-ip-hash-key",
                // Most tests post many comments from one address; the rate-limit tests turn it back on.
                ["RateLimiting:Comments:PermitsPerMinute"] = "0",
                ["RateLimiting:ModeratorKeys:FreeFailures"] = "1000000",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                values[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(values);

            if (storage is not null)
            {
                builder.Services.AddSingleton(storage);
            }

            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new SelfHost(app, new Uri(address.TrimEnd('/') + "/"), logs);
        if (waitForStorage)
        {
            await app.Services.GetRequiredService<StorageInitializer>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return host;
    }

    /// <summary>Stores an article for one test; each test uses its own slug so tests never share state.</summary>
    public async Task<string> AddArticleAsync(string prefix, bool commentsOpen = true, DateTimeOffset? published = null)
    {
        var slug = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 100)];
        var text = $"""
            ---
            title: Test article {slug}
            author: Test Author
            published: {(published ?? DateTimeOffset.UtcNow).ToString("O")}
            comments: {(commentsOpen ? "open" : "closed")}
            ---
            Some *text* for {slug}.
            """;
        await Services.GetRequiredService<ArticleStore>().AddIfMissingAsync(slug, text, CancellationToken.None);
        return slug;
    }

    /// <summary>Saves moderation settings (the defaults, changed as given) and puts them in force at once.</summary>
    public async Task UseModerationSettingsAsync(Action<ModerationSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var settings = ModerationSettings.Defaults;
        change(settings);
        var saved = await Services.GetRequiredService<ModerationSettingsStore>().SaveAsync(settings, ifMatch: null, CancellationToken.None)
            ?? throw new InvalidOperationException("The moderation settings were not saved.");
        Services.GetRequiredService<PolicyProvider>().Use(saved);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
