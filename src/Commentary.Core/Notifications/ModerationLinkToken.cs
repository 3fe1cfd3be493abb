using System.Buffers.Text;

namespace Commentary.Core.Notifications;

/// <summary>
/// What a signed moderation link says: do <see cref="Action"/> to one comment, as it was when the link was made
/// (<see cref="ETag"/>), on behalf of <see cref="Moderator"/>, until <see cref="ExpiresAt"/>. <see cref="LinkId"/> is
/// random, so two links for the same comment are told apart when one of them is used.
/// </summary>
public sealed record ModerationLink(
    ModerationLinkAction Action, string Slug, string CommentId, string ETag, string Moderator, DateTimeOffset ExpiresAt, string LinkId);

/// <summary>
/// The compact, URL-safe form of a <see cref="ModerationLink"/>: one base64url string of a small binary payload
/// (version, action, expiry in Unix seconds, the 16-byte link id, then slug, comment id, ETag and moderator, each as
/// length-prefixed UTF-8) followed by its HMAC-SHA256 under the link-signing key. Nothing in it is secret; all of it
/// is tamper-evident.
/// </summary>
public static class ModerationLinkToken
{
    /// <summary>Longer than any token we make; anything longer is refused before it is decoded.</summary>
    public const int MaxLength = 2048;

    public const int MaxModeratorLength = 256;

    private const byte FormatVersion = 1;
    private const int MacBytes = 32;
    private const int LinkIdBytes = 16;

    /// <summary>A new random link id (32 lower-case hex digits).</summary>
    public static string NewLinkId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(LinkIdBytes));

    public static string Write(ModerationLink link, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!IsWellFormed(link))
        {
            throw new ArgumentException("A moderation link needs a valid slug, comment id and link id, an ETag, and a moderator of at most 256 characters.", nameof(link));
        }

        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write((byte)link.Action);
            writer.Write(link.ExpiresAt.ToUnixTimeSeconds());
            writer.Write(Convert.FromHexString(link.LinkId));
            writer.Write(link.Slug);
            writer.Write(link.CommentId);
            writer.Write(link.ETag);
            writer.Write(link.Moderator);
        }

        var signed = new byte[payload.Length + MacBytes];
        payload.GetBuffer().AsSpan(0, (int)payload.Length).CopyTo(signed);
        HMACSHA256.HashData(key, signed.AsSpan(0, (int)payload.Length), signed.AsSpan((int)payload.Length));
        return Base64Url.EncodeToString(signed);
    }

    /// <summary>
    /// The link a token stands for when it was made under <paramref name="key"/> exactly as it is, or null: a token
    /// that does not decode, whose signature does not match (compared in constant time), or whose payload does not
    /// parse. Expiry is the caller's question.
    /// </summary>
    public static ModerationLink? Read(string? token, ReadOnlySpan<byte> key)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength || !Base64Url.IsValid(token, out var length) || length <= MacBytes)
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        // One spelling per token: a last character that differs only in its unused bits decodes to the same bytes.
        if (!string.Equals(Base64Url.EncodeToString(bytes), token, StringComparison.Ordinal))
        {
            return null;
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacBytes);
        Span<byte> expected = stackalloc byte[MacBytes];
        HMACSHA256.HashData(key, payload, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(bytes.Length - MacBytes)))
        {
            return null;
        }

        var link = Parse(payload.ToArray());
        return link is not null && IsWellFormed(link) ? link : null;
    }

    private static ModerationLink? Parse(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        try
        {
            if (reader.ReadByte() != FormatVersion)
            {
                return null;
            }

            var action = (ModerationLinkAction)reader.ReadByte();
            var expires = DateTimeOffset.FromUnixTimeSeconds(reader.ReadInt64());
            var linkId = Convert.ToHexStringLower(reader.ReadBytes(LinkIdBytes));
            var link = new ModerationLink(action, reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadString(), expires, linkId);
            return reader.BaseStream.Position == payload.Length && Enum.IsDefined(action) ? link : null;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentOutOfRangeException or FormatException or IOException)
        {
            return null;
        }
    }

    private static bool IsWellFormed(ModerationLink link) =>
        Enum.IsDefined(link.Action)
        && Slug.IsValid(link.Slug)
        && CommentId.IsValid(link.CommentId)
        && !string.IsNullOrEmpty(link.ETag) && link.ETag.Length <= 256
        && !string.IsNullOrWhiteSpace(link.Moderator) && link.Moderator.Length <= MaxModeratorLength
        && link.LinkId is { Length: LinkIdBytes * 2 } && link.LinkId.All(char.IsAsciiHexDigitLower);
}
