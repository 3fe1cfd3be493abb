using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Commentary.Testing;

/// <summary>
/// A real OpenID Connect provider for tests: OpenIddict's server on a free loopback port, with its discovery document
/// and published keys, issuing signed access tokens by the client-credentials flow to the test clients below. Its
/// clock can be set back, so that the tokens it issues are already expired when they arrive.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    public const string Audience = "api://commentary-tests";
    public const string RoleClaim = "roles";
    public const string ModeratorRole = "Commentary.Moderator";
    public const string AdminRole = "Commentary.Admin";

    /// <summary>The test clients: the claims each one's tokens carry. Each one's secret is <see cref="SecretOf"/>.</summary>
    public static readonly IReadOnlyDictionary<string, TestClient> Clients = new Dictionary<string, TestClient>(StringComparer.Ordinal)
    {
        ["ada-admin"] = new("Ada Admin", null, [AdminRole], Audience),
        ["mo-moderator"] = new("Mo Moderator", null, [ModeratorRole], Audience),
        ["pat-preferred"] = new(null, "pat@example.org", [ModeratorRole], Audience),
        ["nora-no-role"] = new("Nora No-Role", null, [], Audience),
        ["elsewhere"] = new("Elsewhere Admin", null, [AdminRole], "api://another-application"),
    };

    private readonly WebApplication _app;
    private readonly ShiftedClock _clock;

    private OpenIdProvider(WebApplication app, ShiftedClock clock, Uri issuer)
    {
        _app = app;
        _clock = clock;
        Issuer = issuer;
    }

    /// <summary>The issuer: where the discovery document is (<c>.well-known/openid-configuration</c>).</summary>
    public Uri Issuer { get; }

    /// <summary>How far the provider's clock is behind (or ahead of) real time; tokens carry its times.</summary>
    public TimeSpan ClockOffset
    {
        get => _clock.Offset;
        set => _clock.Offset = value;
    }

    public static string SecretOf(string clientId) => "secret-of-" + clientId;

    /// <summary>Starts a provider. Two providers given the same <paramref name="signingKey"/> sign alike but name different issuers.</summary>
    public static async Task<OpenIdProvider> StartAsync(RSA? signingKey = null)
    {
        var clock = new ShiftedClock();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var key = new RsaSecurityKey(signingKey ?? RSA.Create(2048)) { KeyId = "commentary-tests" };
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetTokenEndpointUris("connect/token");
            options.AllowClientCredentialsFlow();
            // No store of applications: the handlers below know the test clients.
            options.EnableDegradedMode();
            options.AddSigningKey(key);
            options.AddEphemeralEncryptionKey();
            // Access tokens as signed JWTs, which any resource server can check, rather than encrypted for OpenIddict alone.
            options.DisableAccessTokenEncryption();
            options.Configure(o => o.TimeProvider = clock);
            options.UseAspNetCore().DisableTransportSecurityRequirement();
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId is null || !Clients.ContainsKey(context.ClientId) || context.ClientSecret != SecretOf(context.ClientId))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client or wrong secret.");
                }

                return default;
            }));
            options.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                var client = Clients[context.ClientId!];
                var identity = new ClaimsIdentity(OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, "name", RoleClaim);
                identity.AddClaim(new Claim(OpenIddictConstants.Claims.Subject, context.ClientId!));
                if (client.Name is not null)
                {
                    identity.AddClaim(new Claim("name", client.Name));
                }

                if (client.PreferredUserName is not null)
                {
                    identity.AddClaim(new Claim("preferred_username", client.PreferredUserName));
                }

                foreach (var role in client.Roles)
                {
                    identity.AddClaim(new Claim(RoleClaim, role));
                }

                var principal = new ClaimsPrincipal(identity);
                principal.SetAudiences(client.Audience);
                principal.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
                context.SignIn(principal);
                return default;
            }));
        });

        var app = builder.Build();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OpenIdProvider(app, clock, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>An access token for a test client, by the client-credentials flow at the token endpoint.</summary>
    public async Task<string> TokenForAsync(string clientId)
    {
        using var http = new HttpClient { BaseAddress = Issuer };
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = SecretOf(clientId),
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, $"The provider refused a token for {clientId}: {body}");
        return body!["access_token"]!.GetValue<string>();
    }

    /// <summary>The settings that make a self-host trust this provider.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Moderation:SignIn:Authority"] = Issuer.ToString(),
        ["Moderation:SignIn:Audience"] = Audience,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record TestClient(string? Name, string? PreferredUserName, string[] Roles, string Audience);

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
