namespace Commentary.Core.Moderation.Policy;

/// <summary>What one character means to the matcher.</summary>
internal enum CharKind : byte
{
    /// <summary>Ends a word: spaces, punctuation, symbols, emoji.</summary>
    Separator,

    /// <summary>Vanishes without ending a word: zero-width and format characters, combining marks, apostrophes.</summary>
    Ignored,

    /// <summary>A Latin letter, or a letter we read as one (compatibility forms, look-alikes from other scripts).</summary>
    Letter,

    /// <summary>A decimal digit, which leetspeak may use as a letter inside a word.</summary>
    Digit,

    /// <summary>A symbol that leetspeak uses as a letter inside a word (@, $, !, |, +), or that masks one (*).</summary>
    LeetSymbol,

    /// <summary>A letter of another script with no Latin look-alike: a word containing one never matches a term.</summary>
    OtherLetter,
}

/// <summary>
/// One character's fold, packed into 32 bits so the table for the whole Basic Multilingual Plane stays small:
/// kind, up to three letters (a ligature such as "ﬃ" reads as three), an alternative letter (a "1" may be an i or
/// an l), and flags.
/// </summary>
internal readonly record struct FoldEntry(uint Value)
{
    private const int LetterBits = 5;
    private const uint LetterMask = (1u << LetterBits) - 1;
    private const int FirstLetterShift = 3;
    private const int AlternativeShift = 18;
    private const uint TrimmedAtEdgeFlag = 1u << 24;
    private const uint OptionalAtEdgeFlag = 1u << 25;
    private const int DigitShift = 26;

    /// <summary>
    /// The letter a masking symbol stands for inside a word ("f*ck", "sh*t"): any one letter, which the matcher tries
    /// in turn. Codes 1 to 26 are the letters, so this one never indexes the trie.
    /// </summary>
    public const int AnyLetter = 27;

    public static FoldEntry Separator { get; } = new((uint)CharKind.Separator);

    /// <summary>A masking symbol: any letter inside a word, punctuation at its edges ("*sigh*", "**bold**").</summary>
    public static FoldEntry Mask { get; } = new((uint)CharKind.LeetSymbol | ((uint)AnyLetter << FirstLetterShift) | TrimmedAtEdgeFlag);
    public static FoldEntry Ignored { get; } = new((uint)CharKind.Ignored);
    public static FoldEntry OtherLetter { get; } = new((uint)CharKind.OtherLetter);

    public CharKind Kind => (CharKind)(Value & 7);

    /// <summary>The i-th letter (1 = a … 26 = z), or 0 past the last one.</summary>
    public int Letter(int i) => (int)((Value >> (FirstLetterShift + (i * LetterBits))) & LetterMask);

    public int LetterCount => Letter(0) == 0 ? 0 : Letter(1) == 0 ? 1 : Letter(2) == 0 ? 2 : 3;

    /// <summary>A second reading of the character (1 = a … 26 = z), or 0 when there is only one.</summary>
    public int Alternative => (int)((Value >> AlternativeShift) & LetterMask);

    /// <summary>Punctuation at a word's edge ("wow!"), a letter only inside one ("sh!t").</summary>
    public bool IsTrimmedAtEdge => (Value & TrimmedAtEdgeFlag) != 0;

    /// <summary>At a word's start it may be a letter ("@ss") or a mention sign ("@dan"): both are read.</summary>
    public bool IsOptionalAtEdge => (Value & OptionalAtEdgeFlag) != 0;

    public int DigitValue => (int)((Value >> DigitShift) & 15);

    public static FoldEntry Letters(string letters)
    {
        var value = (uint)CharKind.Letter;
        for (var i = 0; i < letters.Length; i++)
        {
            value |= Code(letters[i]) << (FirstLetterShift + (i * LetterBits));
        }

        return new FoldEntry(value);
    }

    public static FoldEntry Digit(int value, char leet, char alternative = '\0') =>
        new((uint)CharKind.Digit | ((uint)value << DigitShift) | Leet(leet, alternative));

    public static FoldEntry Symbol(char leet, char alternative = '\0', bool trimmedAtEdge = false, bool optionalAtEdge = false) =>
        new((uint)CharKind.LeetSymbol | Leet(leet, alternative)
            | (trimmedAtEdge ? TrimmedAtEdgeFlag : 0) | (optionalAtEdge ? OptionalAtEdgeFlag : 0));

    private static uint Leet(char leet, char alternative) =>
        (leet == '\0' ? 0 : Code(leet) << FirstLetterShift) | (alternative == '\0' ? 0 : Code(alternative) << AlternativeShift);

    private static uint Code(char letter) => (uint)(letter - 'a' + 1);
}
