namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// Reads domain names written without a scheme in plain folded text: "example.com/x", "example.co.uk", and the
/// usual disguises "example [dot] com", "example(dot)com", "example dot com". A name counts only when its last label
/// is a known top-level domain, which is what keeps "e.g.", "3.5" and "Mr.Smith" out. Top-level domains that are
/// also everyday words ("it", "me", "life") count only when a path follows or the dot was disguised, so "I was
/// tired.It helped" is not a link.
/// </summary>
internal sealed class DomainReader
{
    private static readonly string[] DisguisedDots = ["[dot]", "(dot)", "{dot}", "<dot>", "[.]", "(.)", "{.}", "<.>"];

    /// <summary>Words that come before "dot com" in prose ("the dot com bubble") rather than in an address.</summary>
    private static readonly HashSet<string> ProseBeforeDot = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "this", "that", "my", "our", "your", "his", "her", "its", "their", "one", "big", "old", "new", "first",
    };

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _topLevel;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wordLike;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prose = ProseBeforeDot.GetAlternateLookup<ReadOnlySpan<char>>();

    public DomainReader(IEnumerable<string> topLevelDomains, IEnumerable<string> wordLikeTopLevelDomains)
    {
        _topLevel = Set(topLevelDomains).GetAlternateLookup<ReadOnlySpan<char>>();
        _wordLike = Set(wordLikeTopLevelDomains).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private enum Dot
    {
        Plain,
        Bracketed,
        Spoken,
    }

    public static bool IsHostChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-';

    /// <summary>
    /// Reads a domain name starting at <paramref name="start"/>; on success <paramref name="end"/> is just past it and
    /// <paramref name="disguised"/> says whether any of its dots was written another way ("[dot]", " dot ").
    /// </summary>
    public bool TryRead(ReadOnlySpan<char> text, int start, out int end, out bool disguised)
    {
        end = -1;
        disguised = false;
        var anyOtherDot = false;
        var position = start;
        var labels = 0;
        var bracketed = false;
        var previousLabel = ReadOnlySpan<char>.Empty;
        var dot = Dot.Plain;
        while (true)
        {
            var labelStart = position;
            while (position < text.Length && IsHostChar(text[position]))
            {
                position++;
            }

            var label = text[labelStart..position];
            if (label.IsEmpty)
            {
                break;
            }

            if (++labels >= 2 && IsTopLevel(label, dot, bracketed, previousLabel, text, position))
            {
                end = position;
                disguised = anyOtherDot;
            }

            if (!TryDot(text, position, out var next, out dot))
            {
                break;
            }

            bracketed |= dot == Dot.Bracketed;
            anyOtherDot |= dot != Dot.Plain;
            previousLabel = label;
            position = next;
        }

        return end > 0;
    }

    private static HashSet<string> Set(IEnumerable<string> names) =>
        new(names.Select(n => n.Trim().TrimStart('.').ToLowerInvariant()).Where(n => n.Length > 0), StringComparer.Ordinal);

    private bool IsTopLevel(ReadOnlySpan<char> label, Dot dot, bool bracketed, ReadOnlySpan<char> previousLabel, ReadOnlySpan<char> text, int after)
    {
        if (_topLevel.Contains(label))
        {
            return dot != Dot.Spoken || (previousLabel.Length >= 2 && !_prose.Contains(previousLabel));
        }

        return _wordLike.Contains(label) && (bracketed || (after < text.Length && text[after] == '/'));
    }

    private static bool TryDot(ReadOnlySpan<char> text, int position, out int next, out Dot dot)
    {
        next = position;
        dot = Dot.Plain;
        if (position < text.Length && text[position] == '.')
        {
            next = position + 1;
            return next < text.Length && IsHostChar(text[next]);
        }

        var p = SkipSpaces(text, position);
        if (p < text.Length && text[p] is '[' or '(' or '{' or '<')
        {
            foreach (var disguise in DisguisedDots)
            {
                if (text[p..].StartsWith(disguise, StringComparison.Ordinal))
                {
                    next = SkipSpaces(text, p + disguise.Length);
                    dot = Dot.Bracketed;
                    return next < text.Length && IsHostChar(text[next]);
                }
            }

            return false;
        }

        // " dot " and " . " need the spaces, so "dotcom" and "end.Next" are not read this way.
        if (p == position)
        {
            return false;
        }

        var rest = text[p..];
        var spoken = rest.StartsWith("dot ", StringComparison.Ordinal) ? 3 : rest.StartsWith(". ", StringComparison.Ordinal) ? 1 : 0;
        if (spoken == 0)
        {
            return false;
        }

        next = SkipSpaces(text, p + spoken);
        dot = Dot.Spoken;
        return next < text.Length && IsHostChar(text[next]);
    }

    private static int SkipSpaces(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && text[position] == ' ')
        {
            position++;
        }

        return position;
    }
}
