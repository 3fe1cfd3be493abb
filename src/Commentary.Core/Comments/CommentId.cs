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
        Span<byte> bytes = stackalloc byte[16];
        WriteTime(bytes, (clock ?? TimeProvider.System).GetUtcNow());
        RandomNumberGenerator.Fill(bytes[6..]);
        return Encode(bytes);
    }

    /// <summary>
    /// The id of a comment imported from another system: its creation time, then 80 bits of the SHA-256 of a key that
    /// names it in that system (for example <c>disqus:123456</c>). Importing the same comment again gives the same id,
    /// so a second import finds it stored instead of adding a copy.
    /// </summary>
    public static string FromSource(DateTimeOffset created, string sourceKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceKey);
        Span<byte> bytes = stackalloc byte[16];
        WriteTime(bytes, created);
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sourceKey)).AsSpan(0, 10).CopyTo(bytes[6..]);
        return Encode(bytes);
    }

    /// <summary>The smallest id that a comment made at <paramref name="time"/> can have: a bound for range queries by time.</summary>
    public static string LowestAt(DateTimeOffset time)
    {
        var ms = Math.Max(0, time.ToUnixTimeMilliseconds());
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xFF);
            ms >>= 8;
        }

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

    // The first 48 bits, big-endian, are Unix milliseconds: ids sort by time as strings.
    private static void WriteTime(Span<byte> bytes, DateTimeOffset time)
    {
        var ms = time.ToUnixTimeMilliseconds();
        if (ms is < 0 or >= 1L << 48)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, "A comment id holds times from 1970 to the year 10889.");
        }

        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xFF);
            ms >>= 8;
        }
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
