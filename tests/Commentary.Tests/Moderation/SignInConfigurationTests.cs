using Commentary.Api.Moderation;
using Commentary.Core.Access;

namespace Commentary.Tests.Moderation;

/// <summary>What the dashboard is told about organisation sign-in, and the page policy that lets it reach the provider.</summary>
public class SignInConfigurationTests
{
    private const string Authority = "https://login.example.org/tenant/v2.0";

    public static TheoryData<string, string?, string?, string?, string?> Cases => new()
    {
        // case, authority, client id, scope → the scope the dashboard asks for (null: no organisation sign-in)
        { "no provider", null, "client", null, null },
        { "no client id to sign in as", Authority, null, null, null },
        { "a blank client id", Authority, "  ", null, null },
        { "no API scope", Authority, "client", null, "openid profile" },
        { "a blank API scope", Authority, "client", " ", "openid profile" },
        { "an API scope", Authority, "client", " api://commentary/Moderate ", "openid profile api://commentary/Moderate" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_dashboard_is_offered_organisation_sign_in_only_with_a_provider_and_a_client_id(string name, string? authority, string? clientId, string? scope, string? expectedScope)
    {
        var options = new SignInOptions { Authority = authority, ClientId = clientId, Scope = scope };

        var answer = SignInConfigurationEndpoints.Describe(options);

        Assert.True(expectedScope is null == answer.Organisation is null, name);
        if (answer.Organisation is { } organisation)
        {
            Assert.Equal(Authority, organisation.Authority);
            Assert.Equal("client", organisation.ClientId);
            Assert.Equal(expectedScope, organisation.Scope);
        }

        var policy = UiEndpoints.DashboardPolicy(options);
        Assert.Equal(answer.Organisation is null ? UiEndpoints.PagePolicy : UiEndpoints.PagePolicy.Replace("connect-src 'self'", "connect-src 'self' https://login.example.org", StringComparison.Ordinal), policy);
    }
}
