using System.Security.Cryptography;

namespace Commentary.Core.Comments;

/// <summary>
/// Comment ids in the ULID layout: 48 bits of Unix milliseconds then 80 random bits, in Crockford base32.
/// Sorting ids as strings sorts comments by submission time; the random part makes them unguessable.
/// </summary>
public static class CommentId
{
    public const int Length = 26;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(TimeProvider? clock = null)
    {
        var ms = (clock ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds();
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xFF);
            ms >>= 8;
        }

        RandomNumberGenerator.Fill(bytes[6..]);
        return Encode(bytes);
    }

    public static bool IsValid(string? value)
    {
        // 26 symbols carry 130 bits; the first may only be 0-7 so that the value fits 128 bits.
        if (value is not { Length: Length } || value[0] > '7')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public static DateTimeOffset Timestamp(string id)
    {
        if (!IsValid(id))
        {
            throw new ArgumentException($"'{id}' is not a comment id.", nameof(id));
        }

        long ms = 0;
        foreach (var c in id.AsSpan(0, 10))
        {
            ms = (ms << 5) | (long)Alphabet.IndexOf(c, StringComparison.Ordinal);
        }

        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var value = new UInt128(
            BitConverter.ToUInt64([bytes[7], bytes[6], bytes[5], bytes[4], bytes[3], bytes[2], bytes[1], bytes[0]]),
            BitConverter.ToUInt64([bytes[15], bytes[14], bytes[13], bytes[12], bytes[11], bytes[10], bytes[9], bytes[8]]));
        Span<char> chars = stackalloc char[Length];
        for (var i = Length - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
