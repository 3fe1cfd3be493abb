namespace Commentary.Tests.Http;

/// <summary>The one rule for every <c>reason</c> a person gives: trimmed, at most 500 characters, required only where the route says why.</summary>
public class ReasonFieldTests
{
    [Fact]
    public void A_reason_is_trimmed() =>
        Assert.Equal(("Spam links", (string?)null), ReasonField.Read("  Spam links \n"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_optional_reason_is_no_reason_and_no_error(string? text) =>
        Assert.Equal(((string?)null, (string?)null), ReasonField.Read(text));

    [Theory]
    [InlineData(null)]
    [InlineData(" \t ")]
    public void A_blank_required_reason_is_answered_with_why_it_is_needed(string? text) =>
        Assert.Equal(((string?)null, "Say why."), ReasonField.Read(text, "Say why."));

    [Fact]
    public void Five_hundred_characters_after_trimming_are_accepted_and_one_more_is_not()
    {
        Assert.Equal(new string('x', 500), ReasonField.Read(" " + new string('x', 500) + " ", "Say why.").Reason);

        var (reason, error) = ReasonField.Read(new string('x', 501));
        Assert.Null(reason);
        Assert.Equal("A reason can be at most 500 characters.", error);
    }
}
