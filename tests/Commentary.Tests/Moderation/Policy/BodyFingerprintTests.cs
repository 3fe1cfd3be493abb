namespace Commentary.Tests.Moderation.Policy;

public class BodyFingerprintTests
{
    [Theory]
    [InlineData("Great post!!", "great   post")]
    [InlineData("Great post", "GREAT POST.")]
    [InlineData("Great post", "  great\n\tpost  ")]
    [InlineData("Great post", "gr\u200Beat p\u00ADost")]
    [InlineData("Great post", "Ｇｒｅａｔ ｐｏｓｔ")]
    [InlineData("Café visit", "cafe visit")]
    [InlineData("Great post", "Grеat post")] // Cyrillic e
    [InlineData("don't stop", "dont stop")]
    public void Bodies_that_differ_only_in_case_spacing_punctuation_or_invisible_characters_collide(string a, string b)
    {
        Assert.Equal(BodyFingerprint.Of(a), BodyFingerprint.Of(b));
    }

    [Theory]
    [InlineData("Comment number 1.", "Comment number 2.")]
    [InlineData("great post", "great posts")]
    [InlineData("no way", "noway")]
    [InlineData("日本語", "中文")]
    public void Bodies_with_different_words_or_numbers_do_not_collide(string a, string b)
    {
        Assert.NotEqual(BodyFingerprint.Of(a), BodyFingerprint.Of(b));
    }

    [Fact]
    public void The_fingerprint_is_the_hex_sha256_of_the_folded_text()
    {
        Assert.Equal("great post", BodyFingerprint.Normalised("  Great, post!! "));
        // SHA-256 of "great post", so the value stays stable across releases unless the folding itself changes.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("great post"u8)), BodyFingerprint.Of("Great post!!"));
        Assert.Matches("^[0-9a-f]{64}$", BodyFingerprint.Of(""));
    }
}
