using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace Commentary.Testing;

/// <summary>
/// A real Kestrel server on a free loopback port that takes webhook calls at <c>/hooks/{name}</c>. Every call with a
/// <c>webhook-signature</c> is checked with the reference Standard Webhooks library under the endpoint's secret; what
/// each endpoint answers can be set (503 for a while, 410 for good), to play a channel that is down or gone.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<WebhookCall> _calls = new();
    private readonly ConcurrentDictionary<string, Func<int, HttpStatusCode>> _answers = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();

    private WebhookReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Secrets by endpoint name; a call to an endpoint with one must carry a valid signature.</summary>
    public ConcurrentDictionary<string, string> Secrets { get; } = new();

    public IReadOnlyList<WebhookCall> Calls => [.. _calls];

    public sealed record WebhookCall(string Endpoint, string? Id, string Body, bool HasSignature, bool Verified, HttpStatusCode Answered)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks/{name}", async (string name, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            return receiver!.Take(name, body, request.Headers);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, new Uri(address.TrimEnd('/') + "/"));
        return receiver;
    }

    /// <summary>The URL of one endpoint.</summary>
    public string UrlOf(string name) => new Uri(Address, "hooks/" + name).AbsoluteUri;

    /// <summary>Sets what an endpoint answers to its n-th call (1 for the first).</summary>
    public void Answer(string name, Func<int, HttpStatusCode> answer) => _answers[name] = answer;

    /// <summary>The calls an endpoint answered with 2xx.</summary>
    public IReadOnlyList<WebhookCall> Accepted(string name) => [.. _calls.Where(c => c.Endpoint == name && (int)c.Answered < 300)];

    /// <summary>Waits for the first accepted call to <paramref name="name"/> that <paramref name="match"/> likes.</summary>
    public Task<WebhookCall> NextAsync(string name, Func<WebhookCall, bool> match, TimeSpan? timeout = null) =>
        Eventually.GetAsync(() => Task.FromResult(Accepted(name).FirstOrDefault(match)), $"a webhook call to {name}", timeout);

    private IResult Take(string name, string body, IHeaderDictionary headers)
    {
        var n = _counts.AddOrUpdate(name, 1, (_, c) => c + 1);
        var signed = headers.ContainsKey("webhook-signature");
        var verified = false;
        if (Secrets.TryGetValue(name, out var secret))
        {
            try
            {
                new StandardWebhook(secret).Verify(body, headers);
                verified = true;
            }
            catch (WebhookVerificationException)
            {
                verified = false;
            }
        }

        var status = signed && !verified && Secrets.ContainsKey(name)
            ? HttpStatusCode.Unauthorized
            : _answers.TryGetValue(name, out var answer) ? answer(n) : HttpStatusCode.OK;
        _calls.Enqueue(new WebhookCall(name, headers["webhook-id"].FirstOrDefault(), body, signed, verified, status));
        return Results.StatusCode((int)status);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
