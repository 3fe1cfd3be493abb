namespace Commentary.Tests.Moderation.Policy;

/// <summary>The normaliser: each evasion folds back to the plain word, and ordinary text stays as it was.</summary>
public class FoldedTextTests
{
    /// <summary>Each word's first reading; "+" marks a joined run of single letters, "#" a word that can match nothing.</summary>
    internal static string[] Words(string text)
    {
        var folded = new FoldedText().Fold(text);
        return [.. Enumerable.Range(0, folded.UnitCount).Select(u =>
        {
            var unit = folded.Unit(u);
            return unit.ReadingCount == 0 ? "#" : (unit.IsJoined ? "+" : string.Empty) + Spell(folded.Letters(unit, 0));
        })];
    }

    internal static string[] Readings(string word)
    {
        var folded = new FoldedText().Fold(word);
        var unit = Assert.Single(Enumerable.Range(0, folded.UnitCount).Select(folded.Unit));
        return [.. Enumerable.Range(0, unit.ReadingCount).Select(r => Spell(folded.Letters(unit, r)))];
    }

    private static string Spell(ReadOnlySpan<byte> letters)
    {
        var chars = new char[letters.Length];
        for (var i = 0; i < letters.Length; i++)
        {
            chars[i] = letters[i] == 0 ? '?' : (char)('a' - 1 + letters[i]);
        }

        return new string(chars);
    }

    [Theory]
    [InlineData("FuCk", "fuck")]
    [InlineData("ＦＵＣＫ", "fuck")]                          // full width
    [InlineData("\U0001D41F\U0001D42E\U0001D41C\U0001D424", "fuck")] // mathematical bold
    [InlineData("ⓕⓤⓒⓚ", "fuck")]                             // circled
    [InlineData("ꜰᴜᴄᴋ", "fuck")]                              // small capitals
    [InlineData("\U0001F1EB\U0001F1FA\U0001F1E8\U0001F1F0", "fuck")] // regional indicators
    [InlineData("ﬁne", "fine")]                              // ligature
    public void Case_and_compatibility_forms_fold_to_plain_letters(string text, string expected)
    {
        Assert.Equal([expected], Words(text));
    }

    [Theory]
    [InlineData("fück", "fuck")]
    [InlineData("fu\u0308ck", "fuck")] // a combining diaeresis
    [InlineData("Ćaféś", "cafes")]
    [InlineData("łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("Nguyễn", "nguyen")]
    public void Diacritics_are_dropped(string text, string expected)
    {
        Assert.Equal([expected], Words(text));
    }

    [Theory]
    [InlineData("f\u200Bu\u200Cc\u200Dk")] // zero-width space, non-joiner, joiner
    [InlineData("f\u00ADu\u00ADck")]       // soft hyphens
    [InlineData("fu\u2060ck\uFEFF")]       // word joiner, byte-order mark
    [InlineData("f\u3164uck")]             // Hangul filler
    [InlineData("fu\U000E0041ck")]         // a tag character
    [InlineData("f'u'c'k")]                // apostrophes join
    public void Invisible_characters_vanish_without_splitting_the_word(string text)
    {
        Assert.Equal(["fuck"], Words(text));
    }

    [Theory]
    [InlineData("fuсk")]  // Cyrillic es
    [InlineData("fυck")]  // Greek upsilon
    [InlineData("ƒuck")]  // Latin f with hook
    [InlineData("ϝuck", false)] // Greek digamma has no look-alike we read: the word can match nothing
    public void Look_alike_letters_from_other_scripts_read_as_latin(string text, bool readable = true)
    {
        Assert.Equal([readable ? "fuck" : "#"], Words(text));
    }

    [Fact]
    public void A_word_in_another_script_is_left_alone()
    {
        Assert.Equal(["#", "#"], Words("привет мир"));
        Assert.Equal(["#"], Words("日本語"));
    }

    [Theory]
    [InlineData("sh1t", "shit")]
    [InlineData("@ss", "ass")]
    [InlineData("a$$hole", "asshole")]
    [InlineData("b!tch", "bitch")]
    [InlineData("h3ll0", "hello")]
    [InlineData("5h17", "shit")]
    [InlineData("k|ll", "klll")]
    public void Leetspeak_inside_a_word_reads_as_letters(string text, string firstReading)
    {
        Assert.Equal(firstReading, Readings(text)[0]);
    }

    [Fact]
    public void An_ambiguous_character_gives_every_reading()
    {
        Assert.Equal(["kill", "klll"], Readings("k1ll"));
        Assert.Equal(["adan", "dan"], Readings("@dan")); // a letter, or a mention
    }

    [Fact]
    public void Numbers_are_not_words_and_punctuation_at_the_edges_is_punctuation()
    {
        Assert.Equal(["#", "#", "#", "wow"], Words("2024 3.5 wow!!!"));
        Assert.Equal(["#", "#", "#"], Words("+44 7700 900123"));
        Assert.Equal(["hello"], Words("|hello|"));
    }

    [Fact]
    public void A_lone_2_or_4_reads_as_the_word_it_stands_for()
    {
        Assert.Equal(["i", "want", "to", "die"], Words("i want 2 die"));
        Assert.Equal(["nothing", "for", "me"], Words("nothing 4 me"));
    }

    [Theory]
    [InlineData("f u c k", "+fuck")]
    [InlineData("f.u.c.k", "+fuck")]
    [InlineData("f-u-c-k", "+fuck")]
    [InlineData("f_u_c_k", "+fuck")]
    [InlineData("F . U . C . K", "+fuck")]
    public void Letters_split_by_spaces_or_punctuation_join_up(string text, string expected)
    {
        Assert.Equal([expected], Words(text));
    }

    [Fact]
    public void Ordinary_single_letter_words_stay_words()
    {
        Assert.Equal(["i", "think", "a", "lot"], Words("I think a lot"));
    }

    [Fact]
    public void The_plain_copy_keeps_punctuation_and_folds_the_rest()
    {
        var folded = new FoldedText().Fold("Visit ＥＸＡＭＰＬＥ．ｃｏｍ\u200B/Pa\u0301ge\n 2!");

        Assert.Equal("visit example.com/page  2!", folded.Plain.ToString());
    }

    [Fact]
    public void Reusing_a_folded_text_forgets_the_previous_one()
    {
        var folded = new FoldedText();
        folded.Fold("a much longer first text with many words in it");

        folded.Fold("short");

        Assert.Equal(1, folded.UnitCount);
        Assert.Equal("short", folded.Plain.ToString());
    }
}
