using Commentary.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Commentary.Tests.Notifications;

/// <summary>How the hosts get their link maker: ours, whatever fallback is registered, and never with settings that cannot work.</summary>
public class ModerationLinkServicesTests
{
    private sealed class NoLinks : IModerationLinks
    {
        public bool IsConfigured => false;

        public Uri? Create(ModerationLinkAction action, string slug, string commentId, string etag, string moderator) => null;
    }

    /// <summary>What a host provides: the notification settings check asks whether this is development.</summary>
    private sealed class Production : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;

        public string ApplicationName { get; set; } = "Commentary.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null, Action<IServiceCollection>? after = null)
    {
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IHostEnvironment, Production>();
        before?.Invoke(services);
        services.AddCommentary(configuration);
        after?.Invoke(services);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void The_signed_links_win_over_a_fallback_registered_before_or_after()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:LinkSigningKey"] = "a-test-link-signing-key-of-40-characters!",
            ["Notifications:PublicUrl"] = "https://comments.example.org/api",
        };

        using var before = Build(new(settings), before: s => s.TryAddSingleton<IModerationLinks, NoLinks>());
        using var after = Build(new(settings), after: s => s.TryAddSingleton<IModerationLinks, NoLinks>());

        Assert.IsType<ModerationLinks>(before.GetRequiredService<IModerationLinks>());
        Assert.True(after.GetRequiredService<IModerationLinks>().IsConfigured);
        Assert.Same(after.GetRequiredService<ModerationLinks>(), after.GetRequiredService<IModerationLinks>());
    }

    [Fact]
    public void A_short_key_without_its_public_address_stops_start_up_naming_both_settings()
    {
        using var provider = Build(new() { ["Notifications:LinkSigningKey"] = "short" });

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<NotificationOptions>>().Value);

        Assert.Contains("Notifications:LinkSigningKey", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Notifications:PublicUrl", refused.Message, StringComparison.Ordinal);
    }
}
