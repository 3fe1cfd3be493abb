using Commentary.Core.Articles;

namespace Commentary.Tests.Articles;

public class SlugTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("hello-world")]
    [InlineData("2024-year-in-review")]
    [InlineData("x1-y2-z3")]
    public void Lower_case_words_joined_by_single_hyphens_are_valid(string slug)
    {
        Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public void A_slug_of_100_characters_is_valid()
    {
        Assert.True(Slug.IsValid(new string('a', 100)));
    }

    [Fact]
    public void A_slug_of_101_characters_is_invalid()
    {
        Assert.False(Slug.IsValid(new string('a', 101)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Hello")]
    [InlineData("hello-World")]
    [InlineData("hello world")]
    [InlineData("hello/world")]
    [InlineData("../secret")]
    [InlineData("hello#top")]
    [InlineData("hello?x=1")]
    [InlineData("hello\\world")]
    [InlineData("-hello")]
    [InlineData("hello-")]
    [InlineData("-")]
    [InlineData("hello--world")]
    [InlineData("hello_world")]
    [InlineData("hello.md")]
    [InlineData("héllo")]
    [InlineData("hello%20world")]
    public void Anything_else_is_invalid(string? slug)
    {
        Assert.False(Slug.IsValid(slug));
    }

    [Theory]
    [InlineData("hello\n")]
    [InlineData("hello-world\n")]
    public void A_trailing_newline_is_invalid(string slug)
    {
        Assert.False(Slug.IsValid(slug));
    }
}
