using Commentary.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Commentary.Tests.Access;

/// <summary>The moderators' token scheme runs only where moderator access asks for it, never on every request.</summary>
public class ModeratorTokenSchemeTests
{
    private sealed class Production : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Commentary.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Fact]
    public async Task The_token_scheme_is_no_default_for_the_authentication_middleware()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Moderation:SignIn:Authority"] = "https://login.example.org/tenant/v2.0",
            ["Moderation:SignIn:ClientId"] = "commentary-dashboard",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IHostEnvironment, Production>();
        services.AddCommentary(configuration);
        await using var provider = services.BuildServiceProvider();
        var schemes = provider.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.NotNull(await schemes.GetSchemeAsync(Commentary.Api.Access.ModeratorTokens.Scheme));
        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
        Assert.Null(await schemes.GetDefaultChallengeSchemeAsync());
    }
}
