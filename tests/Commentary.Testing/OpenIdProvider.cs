using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Commentary.Testing;

/// <summary>
/// A real OpenID Connect provider for tests: OpenIddict's server on a free loopback port, with its discovery document
/// and published keys, issuing signed access tokens by the client-credentials flow to the test clients below, and by
/// the authorization-code flow with PKCE to the dashboard (a public client) for the test users, who sign in on a
/// real HTML login page (<see cref="OpenIdLoginPage"/>). Its clock can be set back, so that the tokens it issues are
/// already expired when they arrive; the dashboard's tokens can be given a short life.
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

    /// <summary>The dashboard's client id: a public client (no secret) that must prove its code with PKCE.</summary>
    public const string DashboardClientId = "commentary-dashboard";

    /// <summary>The API's own scope, which the dashboard asks for besides <c>openid profile</c>.</summary>
    public const string ApiScope = "commentary";

    /// <summary>The people who can sign in on the login page, by user name; each one's password is <see cref="PasswordOf"/>.</summary>
    public static readonly IReadOnlyDictionary<string, TestUser> Users = new Dictionary<string, TestUser>(StringComparer.Ordinal)
    {
        ["ada"] = new("Ada Admin", [AdminRole]),
        ["mo"] = new("Mo Moderator", [ModeratorRole]),
        ["nora"] = new("Nora No-Role", []),
    };

    private readonly WebApplication _app;
    private readonly ShiftedClock _clock;
    private readonly DashboardRegistration _dashboard;

    private OpenIdProvider(WebApplication app, ShiftedClock clock, DashboardRegistration dashboard, Uri issuer)
    {
        _app = app;
        _clock = clock;
        _dashboard = dashboard;
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

    public static string PasswordOf(string userName) => "password-of-" + userName;

    /// <summary>How long the access tokens issued to the dashboard live; the provider's default (an hour) when null.</summary>
    public TimeSpan? DashboardTokenLifetime
    {
        get => _dashboard.TokenLifetime;
        set => _dashboard.TokenLifetime = value;
    }

    /// <summary>How many times a browser has come to the end-session endpoint (signed out here).</summary>
    public int EndSessions => _dashboard.EndSessions;

    /// <summary>Registers the dashboard page as a redirect URI (and where to return after signing out), and lets its origin call the token and discovery endpoints.</summary>
    public void AllowDashboard(Uri page) => _dashboard.Allow(page);

    /// <summary>Starts a provider. Two providers given the same <paramref name="signingKey"/> sign alike but name different issuers.</summary>
    public static async Task<OpenIdProvider> StartAsync(RSA? signingKey = null)
    {
        var clock = new ShiftedClock();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var dashboard = new DashboardRegistration();
        builder.Services.AddCors();
        var key = new RsaSecurityKey(signingKey ?? RSA.Create(2048)) { KeyId = "commentary-tests" };
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetTokenEndpointUris("connect/token");
            options.SetAuthorizationEndpointUris("connect/authorize");
            options.SetEndSessionEndpointUris("connect/logout");
            options.AllowClientCredentialsFlow();
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(OpenIddictConstants.Scopes.Profile, ApiScope);
            // No store of applications: the handlers below know the test clients.
            options.EnableDegradedMode();
            options.AddSigningKey(key);
            options.AddEphemeralEncryptionKey();
            // Access tokens as signed JWTs, which any resource server can check, rather than encrypted for OpenIddict alone.
            options.DisableAccessTokenEncryption();
            options.Configure(o => o.TimeProvider = clock);
            options.UseAspNetCore().DisableTransportSecurityRequirement()
                .EnableAuthorizationEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough();
            // Degraded mode has no store of applications, so these handlers are the registrations: the dashboard may
            // be sent back only to the pages registered for it.
            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != DashboardClientId)
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client.");
                }
                else if (context.RedirectUri is null || !dashboard.MayReturnTo(context.RedirectUri))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "That redirect_uri is not registered for the dashboard.");
                }

                return default;
            }));
            options.AddEventHandler<ValidateEndSessionRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.PostLogoutRedirectUri is { } back && !dashboard.MayReturnTo(back))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidRequest, "That post_logout_redirect_uri is not registered.");
                }

                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request.IsAuthorizationCodeGrantType())
                {
                    // The dashboard is a public client: no secret; PKCE proves the code is its own.
                    if (context.ClientId != DashboardClientId || context.ClientSecret is not null)
                    {
                        context.Reject(OpenIddictConstants.Errors.InvalidClient, "Only the dashboard redeems codes, and without a secret.");
                    }
                }
                else if (context.ClientId is null || !Clients.ContainsKey(context.ClientId) || context.ClientSecret != SecretOf(context.ClientId))
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client or wrong secret.");
                }

                return default;
            }));
            options.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.Request.IsAuthorizationCodeGrantType())
                {
                    // Who the code was issued to, signed in afresh (as a provider re-reads its user store).
                    var code = context.AuthorizationCodePrincipal!;
                    var userName = code.GetClaim(OpenIddictConstants.Claims.Subject)!;
                    context.SignIn(dashboard.PrincipalFor(userName, code.GetScopes()));
                    return default;
                }

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
        // CORS before OpenIddict answers (it does so in the authentication middleware): the dashboard's page, on
        // another origin, reads the discovery document and redeems its code from the browser.
        app.UseCors(policy => policy.SetIsOriginAllowed(dashboard.IsAllowedOrigin).AllowAnyHeader().WithMethods(HttpMethods.Get, HttpMethods.Post));
        app.UseAuthentication();
        app.MapMethods("connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpRequest request) => OpenIdLoginPage.AnswerAsync(request.HttpContext, dashboard.PrincipalFor));
        app.MapGet("connect/logout", () =>
        {
            dashboard.SignedOut();
            // OpenIddict sends the browser on to the post_logout_redirect_uri it has checked.
            return Results.SignOut(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new OpenIdProvider(app, clock, dashboard, new Uri(address.TrimEnd('/') + "/"));
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

    /// <summary>The settings that make a self-host trust this provider and its dashboard offer "Sign in with your organisation" with it.</summary>
    public Dictionary<string, string?> DashboardSettings() => new(Settings())
    {
        ["Moderation:SignIn:ClientId"] = DashboardClientId,
        ["Moderation:SignIn:Scope"] = ApiScope,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record TestClient(string? Name, string? PreferredUserName, string[] Roles, string Audience);

    public sealed record TestUser(string Name, string[] Roles);

    /// <summary>The dashboard as a registered public client: its pages (redirect URIs), their origins, its tokens' life.</summary>
    private sealed class DashboardRegistration
    {
        private readonly ConcurrentDictionary<string, bool> _pages = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _origins = new(StringComparer.OrdinalIgnoreCase);
        private int _endSessions;

        public TimeSpan? TokenLifetime { get; set; }

        public int EndSessions => Volatile.Read(ref _endSessions);

        public void Allow(Uri page)
        {
            _pages[page.ToString()] = true;
            _origins[page.GetLeftPart(UriPartial.Authority)] = true;
        }

        public bool MayReturnTo(string uri) => _pages.ContainsKey(uri);

        public bool IsAllowedOrigin(string origin) => _origins.ContainsKey(origin);

        public void SignedOut() => Interlocked.Increment(ref _endSessions);

        /// <summary>A test user's identity: name and user name in both tokens, the role claim in the access token, for the API's audience.</summary>
        public ClaimsPrincipal PrincipalFor(string userName, IEnumerable<string> scopes)
        {
            var user = Users[userName];
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, "name", RoleClaim);
            identity.AddClaim(new Claim(OpenIddictConstants.Claims.Subject, userName));
            identity.AddClaim(new Claim("name", user.Name));
            identity.AddClaim(new Claim("preferred_username", userName + "@example.org"));
            foreach (var role in user.Roles)
            {
                identity.AddClaim(new Claim(RoleClaim, role));
            }

            var principal = new ClaimsPrincipal(identity);
            principal.SetScopes(scopes);
            principal.SetAudiences(Audience);
            principal.SetDestinations(claim => claim.Type == RoleClaim
                ? [OpenIddictConstants.Destinations.AccessToken]
                : [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken]);
            if (TokenLifetime is { } lifetime)
            {
                principal.SetAccessTokenLifetime(lifetime);
            }

            return principal;
        }
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
