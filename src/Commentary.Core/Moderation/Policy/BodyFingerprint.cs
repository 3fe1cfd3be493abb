using System.Buffers;

namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// A stable key for "the same comment again": the hex SHA-256 of the body with case, compatibility forms, accents,
/// look-alike letters, invisible characters, punctuation and spacing folded away, so "Great post!!" and
/// "great   post" collide while "Comment 1" and "Comment 2" do not. The processor stores and looks these up.
/// Changing the folding changes fingerprints; that only shortens duplicate detection for the window it covers.
/// </summary>
public static class BodyFingerprint
{
    public static string Of(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = ArrayPool<char>.Shared.Rent((body.Length * 3) + 1);
        try
        {
            var length = Normalise(body, buffer);
            var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(length));
            try
            {
                var count = Encoding.UTF8.GetBytes(buffer, 0, length, bytes, 0);
                Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
                SHA256.HashData(bytes.AsSpan(0, count), hash);
                return Convert.ToHexStringLower(hash);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The folded text that is hashed: words of letters and digits, one space apart.</summary>
    internal static string Normalised(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new char[(body.Length * 3) + 1];
        return new string(buffer, 0, Normalise(body, buffer));
    }

    private static int Normalise(string body, char[] output)
    {
        var length = 0;
        var pendingSpace = false;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]);
            var entry = pair ? CharacterFold.OfCodePoint(char.ConvertToUtf32(c, body[i + 1])) : CharacterFold.Of(c);
            switch (entry.Kind)
            {
                case CharKind.Ignored:
                    break;
                case CharKind.Letter or CharKind.Digit or CharKind.OtherLetter:
                    if (pendingSpace && length > 0)
                    {
                        output[length++] = ' ';
                    }

                    pendingSpace = false;
                    if (entry.Kind == CharKind.Letter)
                    {
                        for (var k = 0; k < entry.LetterCount; k++)
                        {
                            output[length++] = (char)('a' - 1 + entry.Letter(k));
                        }
                    }
                    else if (entry.Kind == CharKind.Digit)
                    {
                        output[length++] = (char)('0' + entry.DigitValue);
                    }
                    else
                    {
                        output[length++] = pair ? c : char.ToLowerInvariant(c);
                        if (pair)
                        {
                            output[length++] = body[i + 1];
                        }
                    }

                    break;
                default:
                    pendingSpace = true;
                    break;
            }

            if (pair)
            {
                i++;
            }
        }

        return length;
    }
}
