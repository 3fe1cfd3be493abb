namespace Commentary.Tests.Ui;

/// <summary>How the widget's parts become one classic script, and which parts the composer refuses.</summary>
public class WidgetScriptTests
{
    private const string Check = "// @ts-check\n";

    [Fact]
    public void Parts_are_joined_in_the_order_of_their_numbers_inside_one_strict_function()
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["20-later.js"] = Check + "start(first);\n",
            ["10-first.js"] = Check + "const first = 1;\n\n",
            ["15-middle.js"] = Check + "function start(value) {\n  return value;\n}",
        };

        Assert.Equal(
            "(() => {\n'use strict';\n\nconst first = 1;\n\nfunction start(value) {\n  return value;\n}\n\nstart(first);\n})();\n",
            WidgetScript.Compose(parts));
    }

    [Fact]
    public void A_parts_heading_stays_in_the_source_and_a_comment_on_its_first_lines_of_code_is_served()
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["10-a.js"] = Check + "// What this part holds.\n// And why.\n\n// Why a is one.\nconst a = 1;\n",
            ["20-b.js"] = Check + "// Why b is two.\nconst b = 2;\n",
        };

        Assert.Equal(
            "(() => {\n'use strict';\n\n// Why a is one.\nconst a = 1;\n\n// Why b is two.\nconst b = 2;\n})();\n",
            WidgetScript.Compose(parts));
    }

    [Fact]
    public void Windows_line_endings_in_a_part_are_composed_as_the_same_script()
    {
        var unix = WidgetScript.Compose(new Dictionary<string, string> { ["10-a.js"] = Check + "const a = 1;\nconst b = 2;\n" });
        var windows = WidgetScript.Compose(new Dictionary<string, string> { ["10-a.js"] = "// @ts-check\r\nconst a = 1;\r\nconst b = 2;\r\n" });

        Assert.Equal(unix, windows);
    }

    [Theory]
    [InlineData("a.js", "const a = 1;", "NN-concern.js")]
    [InlineData("1-a.js", "const a = 1;", "NN-concern.js")]
    [InlineData("10-a.ts", "const a = 1;", "NN-concern.js")]
    [InlineData("10-Upper.js", "const a = 1;", "NN-concern.js")]
    [InlineData("10-a.js", "import { x } from './x.js';", "imports or exports")]
    [InlineData("10-a.js", "export const a = 1;", "imports or exports")]
    [InlineData("10-a.js", "const x = import('./x.js');", "imports or exports")]
    public void A_part_that_cannot_take_its_place_in_one_classic_script_is_refused(string name, string code, string reason)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            WidgetScript.Compose(new Dictionary<string, string> { [name] = Check + code }));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_the_type_checker_would_skip_is_refused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
            WidgetScript.Compose(new Dictionary<string, string> { ["10-a.js"] = "const a = 1;\n" }));

        Assert.Contains("@ts-check", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_parts_with_one_number_are_refused_so_that_the_numbers_alone_say_the_order()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => WidgetScript.Compose(new Dictionary<string, string>
        {
            ["10-a.js"] = Check + "const a = 1;",
            ["10-b.js"] = Check + "const b = 2;",
        }));

        Assert.Contains("shares its number", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_parts_is_refused_rather_than_serving_an_empty_widget()
    {
        Assert.Throws<InvalidOperationException>(() => WidgetScript.Compose(new Dictionary<string, string>()));
    }
}
