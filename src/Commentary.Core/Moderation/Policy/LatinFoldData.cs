namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// Which Latin letter each accented or decorated letter is read as, block by block. A '.' leaves the character to
/// <see cref="CharacterFold"/>'s general rules. The strings were checked against the Unicode compatibility
/// decompositions and filled in by eye where a letter has none (ł, ø, đ, ħ, ı …).
/// </summary>
internal static class LatinFoldData
{
    /// <summary>U+00C0 … U+00FF (Latin-1 letters; ×, ÷ stay symbols).</summary>
    public const string Latin1 =
        "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y";

    /// <summary>U+0100 … U+017F (Latin Extended-A).</summary>
    public const string ExtendedA =
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkklllllll" +
        "lllnnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

    /// <summary>U+0180 … U+024F (Latin Extended-B).</summary>
    public const string ExtendedB =
        "bbbb...ccdddd...effg..iikkl..nnooo..pp.....ttttuu.vyyzz........." +
        "l............aaiioouuuuuuuuuueaaaa..ggggkkoooo..j...gg..nnaa..oo" +
        "aaaaeeeeiiiioooorrrruuuusstt..hh.d..zzaaeeooooooooyylntj..acclts" +
        "z..bu.eejjqqrryy";

    /// <summary>U+1E00 … U+1EFF (Latin Extended Additional: Vietnamese and other stacked accents).</summary>
    public const string ExtendedAdditional =
        "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmm" +
        "mmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvv" +
        "wwwwwwwwwwxxxxyyzzzzzzhtwy.sss..aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeee" +
        "eeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyyll..yy";

    /// <summary>Letters that read as two or three: ligatures and digraphs.</summary>
    public static readonly (char Character, string Letters)[] MultiLetter =
    [
        ('Æ', "ae"), ('æ', "ae"), ('Ǽ', "ae"), ('ǽ', "ae"), ('Ǣ', "ae"), ('ǣ', "ae"),
        ('Œ', "oe"), ('œ', "oe"), ('ß', "ss"), ('ẞ', "ss"), ('Þ', "th"), ('þ', "th"),
        ('Ĳ', "ij"), ('ĳ', "ij"), ('Ǆ', "dz"), ('ǅ', "dz"), ('ǆ', "dz"), ('Ǳ', "dz"), ('ǲ', "dz"), ('ǳ', "dz"),
        ('Ǉ', "lj"), ('ǈ', "lj"), ('ǉ', "lj"), ('Ǌ', "nj"), ('ǋ', "nj"), ('ǌ', "nj"),
        ('\uFB00', "ff"), ('\uFB01', "fi"), ('\uFB02', "fl"), ('\uFB03', "ffi"), ('\uFB04', "ffl"), ('\uFB05', "st"), ('\uFB06', "st"),
    ];

    /// <summary>
    /// Single characters outside the blocks above that are drawn as a Latin letter: small capitals, superscript
    /// "tiny text" letters, letterlike symbols, ordinal indicators.
    /// </summary>
    public static readonly (char Character, char Letter)[] Decorated =
    [
        ('ª', 'a'), ('º', 'o'), ('µ', 'u'),
        // Small capitals (IPA and phonetic extensions), as produced by "small caps" text generators.
        ('ᴀ', 'a'), ('ʙ', 'b'), ('ᴄ', 'c'), ('ᴅ', 'd'), ('ᴇ', 'e'), ('ꜰ', 'f'), ('ɢ', 'g'), ('ʜ', 'h'), ('ɪ', 'i'),
        ('ᴊ', 'j'), ('ᴋ', 'k'), ('ʟ', 'l'), ('ᴍ', 'm'), ('ɴ', 'n'), ('ᴏ', 'o'), ('ᴘ', 'p'), ('ʀ', 'r'), ('ꜱ', 's'),
        ('ᴛ', 't'), ('ᴜ', 'u'), ('ᴠ', 'v'), ('ᴡ', 'w'), ('ʏ', 'y'), ('ᴢ', 'z'), ('ɑ', 'a'), ('ɡ', 'g'), ('ɩ', 'i'),
        // Superscript and modifier letters ("tiny text").
        ('ᵃ', 'a'), ('ᵇ', 'b'), ('ᶜ', 'c'), ('ᵈ', 'd'), ('ᵉ', 'e'), ('ᶠ', 'f'), ('ᵍ', 'g'), ('ʰ', 'h'), ('ⁱ', 'i'),
        ('ʲ', 'j'), ('ᵏ', 'k'), ('ˡ', 'l'), ('ᵐ', 'm'), ('ⁿ', 'n'), ('ᵒ', 'o'), ('ᵖ', 'p'), ('ʳ', 'r'), ('ˢ', 's'),
        ('ᵗ', 't'), ('ᵘ', 'u'), ('ᵛ', 'v'), ('ʷ', 'w'), ('ˣ', 'x'), ('ʸ', 'y'), ('ᶻ', 'z'),
        ('ₐ', 'a'), ('ₑ', 'e'), ('ₒ', 'o'), ('ₓ', 'x'), ('ₕ', 'h'), ('ₖ', 'k'), ('ₗ', 'l'), ('ₘ', 'm'), ('ₙ', 'n'),
        ('ₚ', 'p'), ('ₛ', 's'), ('ₜ', 't'),
        // Letterlike symbols.
        ('ℂ', 'c'), ('ℊ', 'g'), ('ℋ', 'h'), ('ℌ', 'h'), ('ℍ', 'h'), ('ℎ', 'h'), ('ℐ', 'i'), ('ℑ', 'i'), ('ℒ', 'l'),
        ('ℓ', 'l'), ('ℕ', 'n'), ('℘', 'p'), ('ℙ', 'p'), ('ℚ', 'q'), ('ℛ', 'r'), ('ℜ', 'r'), ('ℝ', 'r'), ('ℤ', 'z'),
        ('ℬ', 'b'), ('ℭ', 'c'), ('ℯ', 'e'), ('ℰ', 'e'), ('ℱ', 'f'), ('ℳ', 'm'), ('ℴ', 'o'), ('ℹ', 'i'), ('ⅅ', 'd'),
        ('ⅆ', 'd'), ('ⅇ', 'e'), ('ⅈ', 'i'), ('ⅉ', 'j'), ('\u212A', 'k'), ('\u212B', 'a'),
    ];

    /// <summary>
    /// Cyrillic, Greek and Armenian letters that are drawn like a Latin letter. A word that also holds a letter with no
    /// look-alike (most real Russian or Greek words) can never match a term, so reading these as Latin only matters
    /// where someone mixed scripts to hide a word.
    /// </summary>
    public static readonly (char Character, char Letter)[] LookAlikes =
    [
        // Cyrillic
        ('а', 'a'), ('А', 'a'), ('ӓ', 'a'), ('в', 'b'), ('В', 'b'), ('ь', 'b'), ('г', 'r'), ('е', 'e'), ('Е', 'e'),
        ('ё', 'e'), ('Ё', 'e'), ('ѐ', 'e'), ('Ѐ', 'e'), ('к', 'k'), ('К', 'k'), ('м', 'm'), ('М', 'm'), ('н', 'h'),
        ('Н', 'h'), ('һ', 'h'), ('Һ', 'h'), ('о', 'o'), ('О', 'o'), ('ӧ', 'o'), ('п', 'n'), ('р', 'p'), ('Р', 'p'),
        ('с', 'c'), ('С', 'c'), ('т', 't'), ('Т', 't'), ('у', 'y'), ('У', 'y'), ('ү', 'y'), ('Ү', 'y'), ('х', 'x'),
        ('Х', 'x'), ('ѕ', 's'), ('Ѕ', 's'), ('і', 'i'), ('І', 'i'), ('ї', 'i'), ('Ї', 'i'), ('ј', 'j'), ('Ј', 'j'),
        ('ӏ', 'l'), ('Ӏ', 'l'), ('ԁ', 'd'), ('ԛ', 'q'), ('Ԛ', 'q'), ('ԝ', 'w'), ('Ԝ', 'w'),
        // Greek
        ('α', 'a'), ('Α', 'a'), ('ά', 'a'), ('Ά', 'a'), ('β', 'b'), ('Β', 'b'), ('γ', 'y'), ('ε', 'e'), ('Ε', 'e'),
        ('έ', 'e'), ('Έ', 'e'), ('Ζ', 'z'), ('η', 'n'), ('ή', 'n'), ('Η', 'h'), ('ι', 'i'), ('Ι', 'i'), ('ί', 'i'),
        ('ϊ', 'i'), ('ΐ', 'i'), ('Ί', 'i'), ('κ', 'k'), ('Κ', 'k'), ('μ', 'u'), ('Μ', 'm'), ('ν', 'v'), ('Ν', 'n'),
        ('ο', 'o'), ('Ο', 'o'), ('ό', 'o'), ('Ό', 'o'), ('ρ', 'p'), ('Ρ', 'p'), ('τ', 't'), ('Τ', 't'), ('υ', 'u'),
        ('ύ', 'u'), ('ϋ', 'u'), ('Υ', 'y'), ('χ', 'x'), ('Χ', 'x'), ('ω', 'w'), ('ώ', 'w'), ('ϲ', 'c'), ('Ϲ', 'c'),
        ('ϳ', 'j'),
        // Armenian
        ('օ', 'o'), ('ս', 'u'),
    ];
}
