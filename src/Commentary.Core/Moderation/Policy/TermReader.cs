namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// Reads a configured term into the words the matcher compares, folded exactly as comment text is, or says why it
/// could never match. A trailing '*' lets the last word go on ("fuck*" also finds "fucking"); everything else
/// matches whole words only.
/// </summary>
internal static class TermReader
{
    public const int MaxLength = 100;
    public const int MinLetters = 3;
    public const int MinLettersBeforeWildcard = 4;

    /// <summary>Null when the term is usable (its words are in <paramref name="words"/>), otherwise the problem.</summary>
    public static string? Read(string? term, FoldedText scratch, List<byte[]> words, out bool isPrefix)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(words);
        words.Clear();
        isPrefix = false;
        var text = term?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return "is empty";
        }

        if (text.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        if (text.EndsWith('*'))
        {
            isPrefix = true;
            text = text[..^1];
        }

        if (text.Contains('*', StringComparison.Ordinal))
        {
            return "may only have '*' at its end";
        }

        scratch.Fold(text);
        var letters = 0;
        for (var u = 0; u < scratch.UnitCount; u++)
        {
            var unit = scratch.Unit(u);
            if (unit.ReadingCount == 0)
            {
                return "has a number or a word in a script we cannot match; write it in Latin letters";
            }

            var word = scratch.Letters(unit, 0).ToArray();
            if (Array.IndexOf(word, (byte)0) >= 0)
            {
                return "has a character that cannot be matched (2 and 6 do not stand for letters)";
            }

            words.Add(word);
            letters += word.Length;
        }

        if (isPrefix && words.Count > 0 && words[^1].Length < MinLettersBeforeWildcard)
        {
            return $"needs at least {MinLettersBeforeWildcard} letters before '*'";
        }

        if (letters < MinLetters)
        {
            return $"needs at least {MinLetters} letters";
        }

        return letters + words.Count > TermMatcher.MaxDepth ? "is too long" : null;
    }
}
