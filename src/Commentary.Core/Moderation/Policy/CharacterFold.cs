namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// How each character folds for matching: case, compatibility forms (full-width, ligatures, circled, mathematical
/// and "tiny" letters), diacritics, invisible characters, look-alike letters and leetspeak. The runtime's own
/// Unicode normalisation is unavailable in invariant-globalization mode, and would not cover look-alikes or leet
/// anyway, so we keep our own table: built once, one lookup per character.
/// </summary>
internal static class CharacterFold
{
    private static readonly FoldEntry[] Bmp = BuildBmp();

    public static FoldEntry Of(char c) => Bmp[c];

    /// <summary>The fold of a character outside the Basic Multilingual Plane (given as its code point).</summary>
    public static FoldEntry OfCodePoint(int codePoint)
    {
        // Mathematical alphanumerics: 13 styles (bold, italic, script, fraktur …) of 26 capitals then 26 small letters.
        if (codePoint is >= 0x1D400 and <= 0x1D6A3)
        {
            return Letter((codePoint - 0x1D400) % 26);
        }

        switch (codePoint)
        {
            case 0x1D6A4: return FoldEntry.Letters("i");
            case 0x1D6A5: return FoldEntry.Letters("j");
            case >= 0x1D7CE and <= 0x1D7FF: return DigitEntry((codePoint - 0x1D7CE) % 10);
            // Parenthesised, squared, negative circled and negative squared capitals, and regional indicators.
            case >= 0x1F110 and <= 0x1F129: return Letter(codePoint - 0x1F110);
            case >= 0x1F130 and <= 0x1F149: return Letter(codePoint - 0x1F130);
            case >= 0x1F150 and <= 0x1F169: return Letter(codePoint - 0x1F150);
            case >= 0x1F170 and <= 0x1F189: return Letter(codePoint - 0x1F170);
            case >= 0x1F1E6 and <= 0x1F1FF: return Letter(codePoint - 0x1F1E6);
            // Tag characters and variation selectors: invisible.
            case >= 0xE0000 and <= 0xE007F: return FoldEntry.Ignored;
            case >= 0xE0100 and <= 0xE01EF: return FoldEntry.Ignored;
        }

        return Rune.IsValid(codePoint) ? ByCategory(Rune.GetUnicodeCategory(new Rune(codePoint)), Rune.GetNumericValue(new Rune(codePoint))) : FoldEntry.Separator;
    }

    /// <summary>The leetspeak letter a digit stands for (0 → o, 1 → i or l, 3 → e …); 2 and 6 stand for none.</summary>
    public static FoldEntry DigitEntry(int value) => value switch
    {
        0 => FoldEntry.Digit(0, 'o'),
        1 => FoldEntry.Digit(1, 'i', 'l'),
        3 => FoldEntry.Digit(3, 'e'),
        4 => FoldEntry.Digit(4, 'a'),
        5 => FoldEntry.Digit(5, 's'),
        7 => FoldEntry.Digit(7, 't'),
        8 => FoldEntry.Digit(8, 'b'),
        9 => FoldEntry.Digit(9, 'g'),
        _ => FoldEntry.Digit(value, '\0'),
    };

    private static FoldEntry Letter(int index) => FoldEntry.Letters(((char)('a' + index)).ToString());

    private static FoldEntry[] BuildBmp()
    {
        var table = new FoldEntry[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            table[c] = char.IsSurrogate(ch)
                ? FoldEntry.Separator
                : ByCategory(CharUnicodeInfo.GetUnicodeCategory(ch), CharUnicodeInfo.GetNumericValue(ch));
        }

        for (var c = 'a'; c <= 'z'; c++)
        {
            table[c] = table[char.ToUpperInvariant(c)] = FoldEntry.Letters(c.ToString());
            table[c - 'a' + 0xFF41] = table[c - 'a' + 0xFF21] = FoldEntry.Letters(c.ToString()); // full-width
            table[c - 'a' + 0x249C] = table[c - 'a' + 0x24B6] = table[c - 'a' + 0x24D0] = FoldEntry.Letters(c.ToString()); // ⒜ Ⓐ ⓐ
        }

        AddBlock(table, 0x00C0, LatinFoldData.Latin1);
        AddBlock(table, 0x0100, LatinFoldData.ExtendedA);
        AddBlock(table, 0x0180, LatinFoldData.ExtendedB);
        AddBlock(table, 0x1E00, LatinFoldData.ExtendedAdditional);
        foreach (var (character, letters) in LatinFoldData.MultiLetter)
        {
            table[character] = FoldEntry.Letters(letters);
        }

        foreach (var (character, letter) in LatinFoldData.Decorated)
        {
            table[character] = FoldEntry.Letters(letter.ToString());
        }

        foreach (var (character, letter) in LatinFoldData.LookAlikes)
        {
            table[character] = FoldEntry.Letters(letter.ToString());
        }

        // Leetspeak symbols, in ASCII and full width.
        table['@'] = table['\uFF20'] = FoldEntry.Symbol('a', optionalAtEdge: true);
        table['$'] = table['\uFF04'] = FoldEntry.Symbol('s');
        table['€'] = FoldEntry.Symbol('e');
        table['¢'] = FoldEntry.Symbol('c');
        table['!'] = table['\uFF01'] = table['¡'] = FoldEntry.Symbol('i', trimmedAtEdge: true);
        table['|'] = table['\uFF5C'] = FoldEntry.Symbol('l', 'i', trimmedAtEdge: true);
        table['+'] = table['\uFF0B'] = FoldEntry.Symbol('t', trimmedAtEdge: true);

        // A star inside a word masks a letter ("f*ck", "n*gger"): the commonest way round a word list.
        table['*'] = table['\uFF0A'] = FoldEntry.Mask;

        // Apostrophes join rather than split: "don't" is one word, and so is "f'u'c'k".
        foreach (var apostrophe in "'`´’‘ʼʻ′\uFF07")
        {
            table[apostrophe] = FoldEntry.Ignored;
        }

        // Hangul fillers render as nothing and are a known way to hide characters.
        foreach (var filler in "\u115F\u1160\u3164\uFFA0")
        {
            table[filler] = FoldEntry.Ignored;
        }

        return table;
    }

    private static void AddBlock(FoldEntry[] table, int first, string letters)
    {
        for (var i = 0; i < letters.Length; i++)
        {
            if (letters[i] != '.')
            {
                table[first + i] = FoldEntry.Letters(letters[i].ToString());
            }
        }
    }

    private static FoldEntry ByCategory(UnicodeCategory category, double numericValue) => category switch
    {
        UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.Format => FoldEntry.Ignored,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.OtherNumber when numericValue is >= 0 and <= 9 && numericValue == Math.Floor(numericValue)
            => DigitEntry((int)numericValue),
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => FoldEntry.OtherLetter,
        _ => FoldEntry.Separator,
    };
}
