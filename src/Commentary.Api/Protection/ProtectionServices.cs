using Commentary.Core.Privacy;

namespace Commentary.Api.Protection;

/// <summary>What guards every endpoint: the failure model, client addresses and their hashes, rate limits and lockouts.</summary>
public static class ProtectionServices
{
    public static IServiceCollection AddProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EndpointGuard>();
        services.AddSingleton<IpAddressHasher>();
        services.AddSingleton<ClientAddress>();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.PermitsPerMinute >= 0 && o.Burst >= 0, "RateLimiting:Comments values cannot be negative.").ValidateOnStart();
        services.AddOptions<LockoutOptions>().Bind(configuration.GetSection(LockoutOptions.Section));
        services.AddSingleton<PostingRateLimiter>();
        services.AddSingleton<ModeratorLockout>();
        services.AddSingleton<PublicPosts>();
        return services;
    }
}
