using System.Security.Cryptography;
using System.Text;

namespace Commentary.Core.Comments;

/// <summary>
/// Stable, non-reversible keys for a commenter: the email's hash keys their history, and only a hash of
/// their IP address is ever stored.
/// </summary>
public static class CommenterIdentity
{
    public static string EmailHash(string email) =>
        Hash("email:" + (email ?? throw new ArgumentNullException(nameof(email))).Trim().ToLowerInvariant());

    public static string IpHash(string ipAddress) =>
        Hash("ip:" + (ipAddress ?? throw new ArgumentNullException(nameof(ipAddress))));

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
