namespace Commentary.Tests.Ui;

public sealed class WidgetStylesheetTests
{
    [Fact]
    public void Parts_are_joined_in_the_order_of_their_numbers_whatever_order_they_are_given_in()
    {
        var sheet = WidgetStylesheet.Compose(new Dictionary<string, string>
        {
            ["20-later.css"] = ".b { color: red; }\n",
            ["10-first.css"] = ".a { color: blue; }\r\n\r\n",
        });

        Assert.Equal(".a { color: blue; }\n\n.b { color: red; }\n", sheet);
    }

    [Theory]
    [InlineData("later.css")]
    [InlineData("1-short.css")]
    [InlineData("10-Upper.css")]
    [InlineData("10-script.js")]
    public void A_part_without_a_two_digit_place_and_a_plain_name_is_refused(string name)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            WidgetStylesheet.Compose(new Dictionary<string, string> { [name] = ".a { color: blue; }\n" }));

        Assert.Contains(name, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_parts_with_one_number_or_none_at_all_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => WidgetStylesheet.Compose(new Dictionary<string, string>
        {
            ["10-a.css"] = ".a {}\n",
            ["10-b.css"] = ".b {}\n",
        }));
        Assert.Throws<InvalidOperationException>(() => WidgetStylesheet.Compose(new Dictionary<string, string>()));
    }
}
