namespace Commentary.Core.Access;

/// <summary>
/// One key: a name for the audit trail, the lower-case hex SHA-256 of the key, and its role (<c>moderator</c> or
/// <c>admin</c>; <c>admin</c> when unset, which is what every key could do before roles existed).
/// </summary>
public sealed class ModeratorKey
{
    public string Name { get; set; } = string.Empty;
    public string KeySha256 { get; set; } = string.Empty;
    public string? Role { get; set; }
}

/// <summary>The moderators (section <c>Moderation</c>, list <c>Moderators</c>).</summary>
public sealed class ModeratorOptions
{
    public const string Section = "Moderation";
    public List<ModeratorKey> Moderators { get; init; } = [];
}

/// <summary>
/// Checks <c>Authorization: Bearer &lt;key&gt;</c> against the configured key hashes. Only hashes are configured,
/// and every hash is compared in constant time, so neither the settings nor response timing give a key away.
/// </summary>
public sealed class ModeratorKeys
{
    private readonly (Moderator Moderator, byte[] Hash)[] _moderators;

    public ModeratorKeys(IOptions<ModeratorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _moderators = options.Value.Moderators
            .Select(m => (new Moderator(m.Name.Trim(), RoleOf(m)), Convert.FromHexString(m.KeySha256.Trim())))
            .ToArray();
    }

    public bool AnyConfigured => _moderators.Length > 0;

    /// <summary>The key's moderator (name and role), or null when the header holds no valid key.</summary>
    public Moderator? Authenticate(string? authorizationHeader)
    {
        const string scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = authorizationHeader[scheme.Length..].Trim();
        if (key.Length == 0)
        {
            return null;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        Moderator? match = null;
        foreach (var (moderator, hash) in _moderators)
        {
            // No early exit: the time taken does not depend on which entry matched.
            if (CryptographicOperations.FixedTimeEquals(presented, hash))
            {
                match = moderator;
            }
        }

        return match;
    }

    public static string HashOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key ?? throw new ArgumentNullException(nameof(key)))));

    private static ModeratorRole RoleOf(ModeratorKey key) =>
        string.IsNullOrWhiteSpace(key.Role) ? ModeratorRole.Admin
        : ModeratorRoleNames.TryParse(key.Role, out var role) ? role
        : throw new InvalidOperationException($"'{key.Role}' is not a moderator role.");

    /// <summary>Start-up validation: each moderator needs a name, a 64-digit hex hash and, if set, a known role.</summary>
    public static IEnumerable<string> Problems(ModeratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        for (var i = 0; i < options.Moderators.Count; i++)
        {
            var m = options.Moderators[i];
            if (string.IsNullOrWhiteSpace(m.Name))
            {
                yield return $"Moderation:Moderators:{i}:Name is empty (environment: Moderation__Moderators__{i}__Name).";
            }

            var hash = m.KeySha256?.Trim() ?? string.Empty;
            if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
            {
                yield return $"Moderation:Moderators:{i}:KeySha256 must be the 64-digit hex SHA-256 of the key (environment: Moderation__Moderators__{i}__KeySha256).";
            }

            if (!string.IsNullOrWhiteSpace(m.Role) && !ModeratorRoleNames.TryParse(m.Role, out _))
            {
                yield return $"Moderation:Moderators:{i}:Role must be '{ModeratorRoleNames.Moderator}' or '{ModeratorRoleNames.Admin}' (environment: Moderation__Moderators__{i}__Role).";
            }
        }
    }
}
