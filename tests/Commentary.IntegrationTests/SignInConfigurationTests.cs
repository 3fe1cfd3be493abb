using Commentary.Api.Ui;

namespace Commentary.IntegrationTests;

/// <summary>
/// What the dashboard needs to sign in with the organisation's provider, through real HTTP: <c>GET /moderation/sign-in</c>
/// on a self-host that trusts a real provider (OpenIddict on loopback), and the dashboard page's
/// Content-Security-Policy, which lets it reach that provider and no other.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed class SignInConfigurationTests(StorageFixture fixture) : IAsyncLifetime
{
    private OpenIdProvider _provider = null!;
    private SelfHost _host = null!;

    public async Task InitializeAsync()
    {
        _provider = await OpenIdProvider.StartAsync();
        _host = await SelfHost.StartAsync(fixture.Azurite.ConnectionString, _provider.DashboardSettings());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }

    private static async Task<OpenApiContract> ContractOfAsync(SelfHost host)
    {
        using var response = await host.Client.GetAsync("openapi.json");
        return new OpenApiContract(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>The answer, after checking it against the OpenAPI document and that no cache keeps it.</summary>
    private static async Task<JsonObject> SignInConfigurationOfAsync(SelfHost host)
    {
        var contract = await ContractOfAsync(host);
        using var response = await host.Client.GetAsync("moderation/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var results = contract.Validate("GET", "/moderation/sign-in", 200, response.Content.Headers.ContentType!.MediaType!, body);
        Assert.True(results.IsValid, $"GET /moderation/sign-in does not match the document:\n{OpenApiContract.Describe(results)}\n{body}");
        return body!.AsObject();
    }

    private static async Task<string> PolicyOfAsync(SelfHost host, string page)
    {
        using var response = await host.Client.GetAsync("ui/" + page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task The_dashboard_learns_the_provider_its_public_client_id_and_the_scope_and_nothing_secret()
    {
        var configuration = await SignInConfigurationOfAsync(_host);

        var organisation = configuration["organisation"]!.AsObject();
        Assert.Equal(_provider.Issuer.ToString(), organisation["authority"]!.GetValue<string>());
        Assert.Equal(OpenIdProvider.DashboardClientId, organisation["clientId"]!.GetValue<string>());
        Assert.Equal("openid profile " + OpenIdProvider.ApiScope, organisation["scope"]!.GetValue<string>());
        Assert.Equal(["authority", "clientId", "scope"], organisation.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_a_provider_the_answer_offers_keys_only()
    {
        var configuration = await SignInConfigurationOfAsync(fixture.Host);

        Assert.True(configuration.ContainsKey("organisation"));
        Assert.Null(configuration["organisation"]);
    }

    [Fact]
    public async Task Only_the_dashboard_page_may_connect_to_the_configured_provider_and_to_no_other()
    {
        var origin = _provider.Issuer.GetLeftPart(UriPartial.Authority);

        Assert.Contains($"connect-src 'self' {origin};", await PolicyOfAsync(_host, UiEndpoints.DashboardPage), StringComparison.Ordinal);
        Assert.Equal(UiEndpoints.PagePolicy, await PolicyOfAsync(_host, "demo.html"));
        Assert.Equal(UiEndpoints.PagePolicy, await PolicyOfAsync(fixture.Host, UiEndpoints.DashboardPage));
    }
}
