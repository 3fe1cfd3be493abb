using Commentary.Core.Privacy;

namespace Commentary.Core.Comments;

/// <summary>
/// The secret that lets a comment's writer edit or delete it for a while (<see cref="EditOptions.EditWindow"/>). The
/// writer gets the token once, in the <c>202</c> receipt; the comment stores only its SHA-256, so a reader of the
/// table cannot act as the writer, and the token is never logged.
/// </summary>
public sealed class EditTokens
{
    /// <summary>256 bits, as 43 base64url characters.</summary>
    public const int TokenBytes = 32;

    private readonly byte[] _key;

    public EditTokens(IpAddressHasher keys) =>
        _key = (keys ?? throw new ArgumentNullException(nameof(keys))).DeriveKey("commentary/edit-tokens/v1");

    public EditTokens(byte[] key) => _key = key ?? throw new ArgumentNullException(nameof(key));

    /// <summary>
    /// The token of a new comment. Without an <c>Idempotency-Key</c> no retry can ask for the receipt again, so the
    /// token is simply random. With one, a retried POST must answer the same receipt, token included, yet nothing that
    /// could give the token back may be stored: so it is an HMAC, under a server key, of the comment and the client's
    /// idempotency key. Forging it takes both the server key and the key only the posting client knows (and the
    /// comment id alone, which is public, is not enough even where the server key is the development default).
    /// </summary>
    public string Issue(string slug, string commentId, string? idempotencyKey)
    {
        if (idempotencyKey is null)
        {
            return Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        }

        var input = Encoding.UTF8.GetBytes(string.Join('\u001f', slug, commentId, idempotencyKey));
        return Base64Url(HMACSHA256.HashData(_key, input));
    }

    /// <summary>What is stored with the comment: the lower-case hex SHA-256 of the token.</summary>
    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? throw new ArgumentNullException(nameof(token)))));

    /// <summary>Whether a presented token is the one whose hash is stored; in constant time, and never for a missing one.</summary>
    public static bool Matches(string? token, string? storedHash)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128 || string.IsNullOrEmpty(storedHash))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
