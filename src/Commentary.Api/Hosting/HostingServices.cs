using Commentary.Core.Storage;
using Commentary.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Commentary.Api.Hosting;

/// <summary>What every feature stands on: storage, its start-up step, the clock and the metrics.</summary>
public static class HostingServices
{
    public static IServiceCollection AddCommentaryHosting(this IServiceCollection services, IConfiguration configuration)
    {
        // Built now, so a missing storage setting stops start-up with a message that names it. A host that registered
        // its own clients first (a test watching every storage request) keeps them.
        services.TryAddSingleton(StorageClients.FromConfiguration(configuration));
        // Registered first of the hosted services, so it starts before anything that waits for storage.
        services.AddSingleton(sp => new StorageInitializer(
            sp.GetRequiredService<StorageClients>(),
            sp.GetRequiredService<ILogger<StorageInitializer>>(),
            configuration.GetValue(StorageInitializer.CreateSetting, defaultValue: true)));
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<CommentaryMetrics>();
        return services;
    }

    /// <summary>
    /// Binds options to a configuration section and checks them with their own <c>Problems</c> rule at start-up, so a
    /// bad setting stops the host with every problem named.
    /// </summary>
    internal static OptionsBuilder<TOptions> AddCheckedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section, Func<TOptions, IEnumerable<string>> problems)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new OptionsProblems<TOptions>(problems));
        return services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    private sealed class OptionsProblems<TOptions>(Func<TOptions, IEnumerable<string>> problems) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var found = problems(options).ToArray();
            return found.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
        }
    }
}
