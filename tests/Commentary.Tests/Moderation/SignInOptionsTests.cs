using Commentary.Core.Access;

namespace Commentary.Tests.Moderation;

public sealed class SignInOptionsTests
{
    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "Commentary.Moderator" }, ModeratorRole.Moderator)]
    [InlineData(new[] { "Commentary.Admin" }, ModeratorRole.Admin)]
    [InlineData(new[] { "Commentary.Moderator", "Commentary.Admin" }, ModeratorRole.Admin)]
    [InlineData(new[] { "commentary.admin", "Readers" }, null)]
    [InlineData(new[] { "Commentary.Admin " }, null)]
    public void The_highest_role_the_claim_values_grant_and_exact_values_only(string[] values, ModeratorRole? expected)
    {
        Assert.Equal(expected, new SignInOptions().RoleFrom(values));
    }

    [Fact]
    public void Groups_map_by_the_configured_values()
    {
        var options = new SignInOptions { RoleClaim = "groups", ModeratorValue = "5f1c0e2a", AdminValue = "9b7d4c11" };

        Assert.Equal(ModeratorRole.Moderator, options.RoleFrom(["0000", "5f1c0e2a"]));
        Assert.Equal(ModeratorRole.Admin, options.RoleFrom(["9b7d4c11"]));
        Assert.Null(options.RoleFrom(["Commentary.Admin"]));
    }

    [Theory]
    [InlineData("Ann Example", "ann@example.org", "sub-1", "Ann Example")]
    [InlineData(null, "ann@example.org", "sub-1", "ann@example.org")]
    [InlineData("  ", "ann@example.org", "sub-1", "ann@example.org")]
    [InlineData(null, null, "sub-1", "sub-1")]
    public void The_name_is_name_then_preferred_username_then_the_subject(string? name, string? preferred, string? subject, string expected)
    {
        var claims = new Dictionary<string, string?> { ["name"] = name, ["preferred_username"] = preferred, ["sub"] = subject };

        Assert.Equal(expected, SignInOptions.NameFrom(type => claims.GetValueOrDefault(type)));
    }

    [Fact]
    public void Off_without_an_authority_and_then_nothing_is_checked()
    {
        var options = new SignInOptions { Audience = null, RoleClaim = "" };

        Assert.False(options.Enabled);
        Assert.Empty(SignInOptions.Problems(options));
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/tenant/v2.0", "api://commentary", null, 0)]
    [InlineData("https://id.example.org/", null, "client-1", 0)]
    [InlineData("http://127.0.0.1:5000/", "api://commentary", null, 0)]
    [InlineData("http://id.example.org/", "api://commentary", null, 1)]
    [InlineData("not a url", "api://commentary", null, 1)]
    [InlineData("https://id.example.org/", null, null, 1)]
    public void An_authority_needs_https_except_on_loopback_and_an_audience(string authority, string? audience, string? clientId, int problems)
    {
        var options = new SignInOptions { Authority = authority, Audience = audience, ClientId = clientId };

        var found = SignInOptions.Problems(options).ToArray();
        Assert.Equal(problems, found.Length);
        Assert.All(found, p => Assert.Contains("Moderation__SignIn__", p, StringComparison.Ordinal));
    }

    [Fact]
    public void The_two_role_values_must_differ()
    {
        var options = new SignInOptions { Authority = "https://id.example.org/", Audience = "a", ModeratorValue = "same", AdminValue = "same" };

        Assert.Contains("AdminValue", Assert.Single(SignInOptions.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_audience_and_the_client_id_are_both_accepted_audiences()
    {
        Assert.Equal(["api://commentary", "client-1"], new SignInOptions { Audience = "api://commentary", ClientId = "client-1" }.Audiences);
        Assert.Equal(["client-1"], new SignInOptions { ClientId = "client-1" }.Audiences);
    }
}
