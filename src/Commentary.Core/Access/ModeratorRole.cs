namespace Commentary.Core.Access;

/// <summary>
/// What a signed-in person may do. <see cref="Moderator"/> works the queue (list, read, approve, reject, spam, bulk,
/// private replies); <see cref="Admin"/> may do that and everything else (live settings, bans, poison, a commenter's
/// export and erasure, deleting, the classifier). A higher value includes every lower one.
/// </summary>
public enum ModeratorRole
{
    Moderator = 1,
    Admin = 2,
}

/// <summary>The roles' names on the wire and in settings: <c>moderator</c> and <c>admin</c>.</summary>
public static class ModeratorRoleNames
{
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static string ToWire(ModeratorRole role) => role switch
    {
        ModeratorRole.Moderator => Moderator,
        ModeratorRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a moderator role."),
    };

    /// <summary>Reads <c>moderator</c> or <c>admin</c> (any case, trimmed); anything else is not a role.</summary>
    public static bool TryParse(string? text, out ModeratorRole role)
    {
        role = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case Moderator:
                role = ModeratorRole.Moderator;
                return true;
            case Admin:
                role = ModeratorRole.Admin;
                return true;
            default:
                return false;
        }
    }
}

/// <summary>Who made a request, as the audit trail names them, and what they may do.</summary>
public sealed record Moderator(string Name, ModeratorRole Role)
{
    /// <summary>Whether this person's role includes <paramref name="required"/>.</summary>
    public bool May(ModeratorRole required) => Role >= required;
}
