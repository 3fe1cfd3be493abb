namespace Commentary.Core.Moderation;

/// <summary>What a ban is on: an email address (by its hash) or a client address (by its IP hash).</summary>
public enum BanKind
{
    Email,
    Ip,
}

/// <summary>
/// A ban on one commenter identity. The id names the kind and the hash (<c>email-…</c>, <c>ip-…</c>), so it is a safe
/// route segment and table key; the email itself is kept only so a moderator can tell who is banned.
/// </summary>
public sealed record Ban(BanKind Kind, string Hash, string? Email, string Reason, string BannedBy, DateTimeOffset Created, DateTimeOffset? ExpiresAt)
{
    public string Id => BanIds.Of(Kind, Hash);

    public bool IsActive(DateTimeOffset now) => ExpiresAt is not { } expires || expires > now;
}

/// <summary>Ban ids and the table keys they stand for.</summary>
public static class BanIds
{
    public static string PartitionKey(BanKind kind) => kind == BanKind.Email ? "email" : "ip";

    public static string Of(BanKind kind, string hash) => PartitionKey(kind) + "-" + hash;

    /// <summary>Reads an id back into its kind and hash; false for anything that is not one (so it never reaches storage).</summary>
    public static bool TryParse(string? id, out BanKind kind, out string hash)
    {
        kind = BanKind.Email;
        hash = string.Empty;
        var dash = id?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash < 0)
        {
            return false;
        }

        var prefix = id![..dash];
        var rest = id[(dash + 1)..];
        if (!IsHash(rest))
        {
            return false;
        }

        switch (prefix)
        {
            case "email": kind = BanKind.Email; break;
            case "ip": kind = BanKind.Ip; break;
            default: return false;
        }

        hash = rest;
        return true;
    }

    /// <summary>Both the email hash and the IP hash are lower-case hex SHA-256 (64 digits).</summary>
    public static bool IsHash(string? value) => value is { Length: 64 } && value.All(char.IsAsciiHexDigitLower);
}
