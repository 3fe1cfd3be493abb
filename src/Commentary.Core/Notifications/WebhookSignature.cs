namespace Commentary.Core.Notifications;

/// <summary>
/// Standard Webhooks signing (https://www.standardwebhooks.com): the headers <c>webhook-id</c>,
/// <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c> = <c>v1,</c> and the base64 HMAC-SHA256, under
/// the secret's bytes, of <c>{id}.{timestamp}.{body}</c>. The id stays the same when a message is retried, so a
/// receiver can drop a second copy.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    private const string SecretPrefix = "whsec_";

    /// <summary>The secret's key bytes (base64 after an optional <c>whsec_</c>), or null when it is not 24 to 64 bytes of base64.</summary>
    public static byte[]? SecretBytes(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }

        var encoded = secret.Trim();
        encoded = encoded.StartsWith(SecretPrefix, StringComparison.Ordinal) ? encoded[SecretPrefix.Length..] : encoded;
        var buffer = new byte[encoded.Length];
        return Convert.TryFromBase64String(encoded, buffer, out var written) && written is >= 24 and <= 64 ? buffer[..written] : null;
    }

    /// <summary>The <c>webhook-signature</c> value for one call.</summary>
    public static string Sign(byte[] key, string id, DateTimeOffset timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(key);
        var content = Encoding.UTF8.GetBytes($"{id}.{timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>A new secret to hand a receiver: <c>whsec_</c> and 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
