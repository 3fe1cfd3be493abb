namespace Commentary.Tests.Moderation.Policy;

public class LinkCounterTests
{
    private static readonly ModerationSettings Defaults = ModerationSettings.Defaults;
    private static readonly LinkCounter Counter = new(new DomainReader(Defaults.Links.TopLevelDomains, Defaults.Links.WordLikeTopLevelDomains));

    internal static int Links(string text) => Counter.Count(new FoldedText().Fold(text).Plain).Count;

    [Theory]
    [InlineData("", 0)]
    [InlineData("no links here", 0)]
    [InlineData("See https://a.example for more.", 1)]
    [InlineData("http://a.example https://b.example www.c.example", 3)]
    [InlineData("https://www.a.example/page?x=1 counts once", 1)]
    [InlineData("HTTPS://A.EXAMPLE", 1)]
    [InlineData("hxxp://bad.example/x", 1)]
    public void Addresses_with_a_scheme_or_www_count(string text, int expected)
    {
        Assert.Equal(expected, Links(text));
    }

    [Theory]
    [InlineData("go to example.com/x now", 1)]
    [InlineData("example.com", 1)]
    [InlineData("Visit Example.COM.", 1)]
    [InlineData("nhs.uk and mind.org.uk", 2)]
    [InlineData("bit.ly/abc", 1)]
    [InlineData("ｅｘａｍｐｌｅ．ｃｏｍ", 1)]
    [InlineData("exa\u200Bmple.com", 1)]
    public void Bare_domains_count_when_they_end_in_a_known_top_level_domain(string text, int expected)
    {
        Assert.Equal(expected, Links(text));
    }

    [Theory]
    [InlineData("example [dot] com")]
    [InlineData("example(dot)com")]
    [InlineData("example {dot} com")]
    [InlineData("example[.]com")]
    [InlineData("example dot com")]
    [InlineData("example . com")]
    [InlineData("cheap-pills [dot] shop")]
    public void Disguised_dots_still_make_a_link(string text)
    {
        var tally = Counter.Count(new FoldedText().Fold(text).Plain);

        Assert.Equal((1, 1), (tally.Count, tally.Disguised));
    }

    [Theory]
    [InlineData("e.g. this, i.e. that, a.k.a. the other")]
    [InlineData("It went up 3.5 times, v2.0 to v3.1")]
    [InlineData("Mr.Smith and Dr.Jones met at 10.30 a.m.")]
    [InlineData("I was tired.It helped.Life goes on")]
    [InlineData("the dot com bubble")]
    [InlineData("Node.js and file.txt")]
    [InlineData("U.S. and U.K. readers")]
    [InlineData("email me at sam@example.com")]
    public void Abbreviations_numbers_and_missing_spaces_are_not_links(string text)
    {
        Assert.Equal(0, Links(text));
    }

    [Theory]
    [InlineData("my.life/story", 1)]
    [InlineData("read this [dot] life", 1)]
    [InlineData("thanks.me", 0)]
    public void Word_like_top_level_domains_need_a_path_or_a_disguise(string text, int expected)
    {
        Assert.Equal(expected, Links(text));
    }

    [Fact]
    public void Link_characters_are_measured_without_trailing_punctuation()
    {
        var tally = Counter.Count(new FoldedText().Fold("(see https://a.example/x).").Plain);

        Assert.Equal(new LinkTally(1, "https://a.example/x".Length, 0), tally);
    }
}
