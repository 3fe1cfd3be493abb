namespace Commentary.Core.Comments;

/// <summary>The email's hash keys a commenter's history: stable across articles, and no email in any key.</summary>
public static class CommenterIdentity
{
    public static string EmailHash(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            "email:" + (email ?? throw new ArgumentNullException(nameof(email))).Trim().ToLowerInvariant())));
}
