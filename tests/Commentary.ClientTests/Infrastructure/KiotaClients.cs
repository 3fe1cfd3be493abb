using Commentary.ClientTests.Client;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Commentary.ClientTests.Infrastructure;

/// <summary>
/// The generated client pointed at a running self-host, as an API consumer would build it: Kiota's own HTTP pipeline
/// (<see cref="KiotaClientFactory"/>), anonymous for readers' calls or with a moderator key as a bearer token.
/// </summary>
public sealed class KiotaClients : IDisposable
{
    private readonly List<HttpClientRequestAdapter> _adapters = [];
    private readonly SelfHost _host;

    public KiotaClients(SelfHost host) => _host = host;

    public CommentaryClient Anonymous() => Create(new AnonymousAuthenticationProvider());

    public CommentaryClient Moderator(string key = SelfHost.ModeratorKey) =>
        Create(new BaseBearerTokenAuthenticationProvider(new StaticKey(key, _host.BaseAddress.Host)));

    public void Dispose()
    {
        foreach (var adapter in _adapters)
        {
            adapter.Dispose();
        }
    }

    private CommentaryClient Create(IAuthenticationProvider authentication)
    {
        // The adapter owns (and disposes) an HttpClient it creates itself, with Kiota's default handlers.
        var adapter = new HttpClientRequestAdapter(authentication)
        {
            // The document's server is relative ("/api"): a client is told where the host is.
            BaseUrl = new Uri(_host.BaseAddress, "api").ToString(),
        };
        _adapters.Add(adapter);
        return new CommentaryClient(adapter);
    }

    /// <summary>A moderator key is a static bearer token; it is sent to the test host only.</summary>
    private sealed class StaticKey(string key, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(AllowedHostsValidator.IsUrlHostValid(uri) ? key : string.Empty);
    }
}
