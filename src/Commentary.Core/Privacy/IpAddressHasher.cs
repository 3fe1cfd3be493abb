using Microsoft.Extensions.Configuration;

namespace Commentary.Core.Privacy;

/// <summary>
/// The only form in which a client's IP address is kept: an HMAC-SHA256 under a key from configuration
/// (<c>Privacy:IpHashKey</c>). Without the key, a hash cannot be reversed by trying all 2^32 IPv4 addresses.
/// </summary>
public sealed partial class IpAddressHasher
{
    public const string Setting = "Privacy:IpHashKey";
    public const int MinimumKeyLength = 16;
    private readonly byte[] _key;

    public IpAddressHasher(IConfiguration configuration, ILogger<IpAddressHasher> logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration[Setting];
        if (string.IsNullOrWhiteSpace(key))
        {
            // Still a hash, but with a key anyone can read in our source: fine for development, weak in production.
            LogNoKey(logger, Setting);
            key = "commentary-development-ip-hash-key";
        }
        else if (key.Length < MinimumKeyLength)
        {
            throw new InvalidOperationException($"'{Setting}' must be at least {MinimumKeyLength} characters (environment: Privacy__IpHashKey).");
        }

        _key = Encoding.UTF8.GetBytes(key);
    }

    public IpAddressHasher(string key) => _key = Encoding.UTF8.GetBytes(key ?? throw new ArgumentNullException(nameof(key)));

    public string Hash(string ipAddress) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(ipAddress ?? throw new ArgumentNullException(nameof(ipAddress)))));

    /// <summary>
    /// A key for another purpose, derived from this one: the operator keeps one secret, and a key for one purpose
    /// tells nothing about the hashes of another.
    /// </summary>
    public byte[] DeriveKey(string purpose) =>
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose ?? throw new ArgumentNullException(nameof(purpose))));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: IP hashes use a built-in development key. Set it in production.")]
    private static partial void LogNoKey(ILogger logger, string setting);
}
