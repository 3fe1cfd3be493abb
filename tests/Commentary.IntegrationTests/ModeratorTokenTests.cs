using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Commentary.Api.Moderation;
using Commentary.Core.Access;

namespace Commentary.IntegrationTests;

/// <summary>
/// OpenID Connect bearer tokens through real HTTP: a real provider (OpenIddict on loopback) issues them by the
/// client-credentials flow, and a self-host configured with its authority and audience checks them with the JWT
/// bearer handler. Every moderator route in both roles, the name the audit trail records, and the hostile tokens.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class ModeratorTokenTests(StorageFixture fixture) : IAsyncLifetime
{
    private readonly RSA _signingKey = RSA.Create(2048);
    private OpenIdProvider _provider = null!;
    private OpenIdProvider _impostor = null!;
    private SelfHost _host = null!;

    public async Task InitializeAsync()
    {
        _provider = await OpenIdProvider.StartAsync(_signingKey);
        // Signs with the very same key, under another issuer: only the issuer check can tell its tokens apart.
        _impostor = await OpenIdProvider.StartAsync(_signingKey);
        _host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, _provider.Settings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _impostor.DisposeAsync();
        await _provider.DisposeAsync();
        _signingKey.Dispose();
    }

    private static HttpRequestMessage WithToken(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token)
    {
        using var request = WithToken(method, path, token);
        return await _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Tokens_of_both_roles_reach_every_moderator_route_their_role_allows_and_get_403_elsewhere()
    {
        var slug = await _host.AddArticleAsync("tokens");
        var tokens = new Dictionary<ModeratorRole, string>
        {
            [ModeratorRole.Moderator] = await _provider.TokenForAsync("mo-moderator"),
            [ModeratorRole.Admin] = await _provider.TokenForAsync("ada-admin"),
        };
        var routes = MappedModeratorRoute.Of(_host)
            // A real retrain would start training a model in this host; the role table and its tests cover its admin role.
            .Where(r => r.Name != Commentary.Api.Http.FunctionNames.RetrainModerationModel)
            .ToArray();
        Assert.Equal(ModeratorRoutes.Required.Count - 1, routes.Select(r => r.Name).Distinct().Count());

        var failures = new List<string>();
        foreach (var route in routes)
        {
            foreach (var (role, token) in tokens)
            {
                using var response = await SendAsync(new HttpMethod(route.Method), route.PathOn(slug), token);
                var status = (int)response.StatusCode;
                var allowed = role >= route.Role!.Value;
                if (allowed ? status is 401 or 403 or >= 500 : status != 403)
                {
                    failures.Add($"{route.Name} with a {role} token: {status}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("ada-admin", "Ada Admin", "admin")]
    [InlineData("mo-moderator", "Mo Moderator", "moderator")]
    [InlineData("pat-preferred", "pat@example.org", "moderator")]
    public async Task The_name_comes_from_the_token_s_name_or_else_its_preferred_username(string client, string name, string role)
    {
        using var response = await SendAsync(HttpMethod.Get, "moderation/me", await _provider.TokenForAsync(client));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(name, me["name"]!.GetValue<string>());
        Assert.Equal(role, me["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_decision_made_with_a_token_is_recorded_under_the_token_holder_s_name()
    {
        var slug = await _host.AddArticleAsync("token-history");
        var id = await _host.SubmitAsync(slug, "Tess", $"tess-{Guid.NewGuid():N}@example.com", "A first comment waits for a moderator.");
        await _host.StoredStatusAsync(slug, id);

        using var approved = await SendAsync(HttpMethod.Post, $"moderation/comments/{slug}/{id}/approve", await _provider.TokenForAsync("mo-moderator"));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        var record = await _host.GetModeratorJsonAsync($"moderation/comments/{slug}/{id}");
        Assert.Equal("Mo Moderator", record["moderatedBy"]!.GetValue<string>());
        Assert.Contains(record["events"]!.AsArray(), e => e!["by"]?.GetValue<string>() == "Mo Moderator");
    }

    /// <summary>A real token with its header replaced by <c>{"alg":"none"}</c> and its signature dropped.</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"at+jwt"}""")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{header}.{parts[1]}.";
    }

    /// <summary>A real token whose payload was changed after signing (the subject's name), its signature kept.</summary>
    private static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url(parts[1])).Replace("Mo Moderator", "Mo Moderatrix", StringComparison.Ordinal);
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{parts[0]}.{encoded}.{parts[2]}";
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    [Fact]
    public async Task Hostile_tokens_are_401_a_valid_one_without_a_role_is_403_and_none_is_ever_a_5xx()
    {
        var good = await _provider.TokenForAsync("mo-moderator");
        _provider.ClockOffset = TimeSpan.FromHours(-3);
        var expired = await _provider.TokenForAsync("mo-moderator");
        _provider.ClockOffset = TimeSpan.Zero;
        var otherAudience = await _provider.TokenForAsync("elsewhere");
        var otherIssuer = await _impostor.TokenForAsync("mo-moderator");
        var noRole = await _provider.TokenForAsync("nora-no-role");
        var cases = new (string Name, Func<HttpRequestMessage> Request, HttpStatusCode Expect)[]
        {
            ("a valid token", () => WithToken(HttpMethod.Get, "moderation/me", good), HttpStatusCode.OK),
            ("expired", () => WithToken(HttpMethod.Get, "moderation/me", expired), HttpStatusCode.Unauthorized),
            ("wrong audience", () => WithToken(HttpMethod.Get, "moderation/me", otherAudience), HttpStatusCode.Unauthorized),
            ("wrong issuer, same signing key", () => WithToken(HttpMethod.Get, "moderation/me", otherIssuer), HttpStatusCode.Unauthorized),
            ("alg none", () => WithToken(HttpMethod.Get, "moderation/me", Unsigned(good)), HttpStatusCode.Unauthorized),
            ("changed after signing", () => WithToken(HttpMethod.Get, "moderation/me", Tampered(good)), HttpStatusCode.Unauthorized),
            ("not a JWT", () => WithToken(HttpMethod.Get, "moderation/me", "a.b.c"), HttpStatusCode.Unauthorized),
            ("no role claim", () => WithToken(HttpMethod.Get, "moderation/me", noRole), HttpStatusCode.Forbidden),
            ("a key and a token at once", () =>
            {
                var request = WithToken(HttpMethod.Get, "moderation/me", good);
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + SelfHost.ModeratorKey);
                return request;
            }, HttpStatusCode.Unauthorized),
        };

        var failures = new List<string>();
        foreach (var (name, make, expect) in cases)
        {
            using var request = make();
            using var response = await _host.Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expect)
            {
                failures.Add($"{name}: expected {(int)expect}, got {(int)response.StatusCode} {text}");
            }
            else if ((int)expect >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{name}: {(int)expect} without problem+json");
            }
        }

        Assert.Empty(failures);
        Assert.Contains("Mo Moderator", Encoding.UTF8.GetString(Base64Url(good.Split('.')[1])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_tokens_count_towards_the_same_lockout_as_wrong_keys()
    {
        var settings = _provider.Settings();
        settings["RateLimiting:ModeratorKeys:FreeFailures"] = "3";
        await using var host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, settings);
        var forged = Unsigned(await _provider.TokenForAsync("ada-admin"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = WithToken(HttpMethod.Get, "moderation/me", forged);
            using var response = await host.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            statuses);
    }
}
