namespace Commentary.Tests.Comments;

public sealed class HelpfulMarksTests
{
    [Theory]
    [InlineData("5f0c7e0e-8a4b-4c1e-9d43-2b1f0a9c7d11", true)]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0123456789abcde", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("0123456789abcdef 0", false)]
    [InlineData("0123456789abcdef_0", false)]
    [InlineData("0123456789abcdef<script>", false)]
    public void A_reader_id_is_16_to_64_letters_digits_and_hyphens(string? value, bool valid) =>
        Assert.Equal(valid, HelpfulMarks.IsReaderId(value));

    [Fact]
    public void A_reader_id_of_65_characters_is_refused() => Assert.False(HelpfulMarks.IsReaderId(new string('a', 65)));

    [Fact]
    public void The_reader_key_depends_on_both_the_address_and_the_id_and_reveals_neither()
    {
        var key = HelpfulMarks.ReaderKey("iphash-1", "reader-0123456789");
        Assert.Equal(key, HelpfulMarks.ReaderKey("iphash-1", "reader-0123456789"));
        Assert.NotEqual(key, HelpfulMarks.ReaderKey("iphash-2", "reader-0123456789"));
        Assert.NotEqual(key, HelpfulMarks.ReaderKey("iphash-1", "reader-0123456780"));
        // The separator keeps "ab"+"c" and "a"+"bc" apart.
        Assert.NotEqual(HelpfulMarks.ReaderKey("ab", "c"), HelpfulMarks.ReaderKey("a", "bc"));
        Assert.DoesNotContain("iphash", key, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", key);
    }
}
