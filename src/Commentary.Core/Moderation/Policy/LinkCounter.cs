namespace Commentary.Core.Moderation.Policy;

/// <summary>How many links a text holds, how many of its characters they take up, and how many were disguised.</summary>
internal readonly record struct LinkTally(int Count, int Characters, int Disguised);

/// <summary>
/// Counts links in plain folded text: anything with a scheme (http://, https://, ftp://, and the "hxxp://" disguise),
/// anything starting "www.", and bare or disguised domain names (see <see cref="DomainReader"/>). The domain of an
/// email address is not a link: addresses are personal data and are found separately.
/// </summary>
internal sealed class LinkCounter(DomainReader domains)
{
    private static readonly string[] Schemes = ["https://", "http://", "hxxps://", "hxxp://", "ftp://"];

    public LinkTally Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        var characters = 0;
        var disguised = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!DomainReader.IsHostChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var before = start > 0 ? text[start - 1] : ' ';
            var end = -1;
            if (StartsWithScheme(text[i..], out var schemeLength))
            {
                end = UrlEnd(text, i + schemeLength);
            }
            else if (text[i..].StartsWith("www.", StringComparison.Ordinal) && i + 4 < text.Length && DomainReader.IsHostChar(text[i + 4]))
            {
                end = UrlEnd(text, i);
            }
            else if (before is not ('@' or '.' or '/') && domains.TryRead(text, i, out var domainEnd, out var otherDots))
            {
                disguised += otherDots ? 1 : 0;
                end = domainEnd < text.Length && text[domainEnd] is '/' or ':' ? UrlEnd(text, domainEnd) : domainEnd;
            }

            if (end > start)
            {
                count++;
                characters += end - start;
                i = end;
                continue;
            }

            while (i < text.Length && DomainReader.IsHostChar(text[i]))
            {
                i++;
            }
        }

        return new LinkTally(count, characters, disguised);
    }

    private static bool StartsWithScheme(ReadOnlySpan<char> text, out int length)
    {
        length = 0;
        if (text[0] is not ('h' or 'f'))
        {
            return false;
        }

        foreach (var scheme in Schemes)
        {
            if (text.StartsWith(scheme, StringComparison.Ordinal))
            {
                length = scheme.Length;
                return true;
            }
        }

        return false;
    }

    /// <summary>A URL runs to the next space or quote; sentence punctuation right after it is not part of it.</summary>
    private static int UrlEnd(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && text[position] is not (' ' or '<' or '>' or '"'))
        {
            position++;
        }

        while (position > 0 && text[position - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')')
        {
            position--;
        }

        return position;
    }
}
