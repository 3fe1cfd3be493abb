using BenchmarkDotNet.Attributes;
using Commentary.Core.Comments;

namespace Commentary.Benchmarks;

/// <summary>
/// CommentBodyRenderer.ToHtml per body: an ordinary comment with some Markdown, and the hostile shapes that make
/// Markdown parsers work hardest, each at the longest a body may be (5,000 characters). The goal (docs/benchmarks.md)
/// is that no hostile body takes more than 1 ms, so a page of them cannot hold a request up.
/// </summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private static readonly int Max = SubmissionValidator.BodyMax;

    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["ordinary"] = "Thank you for this. *Getting up* after twenty minutes helped me most.\n\n> Write the worry down\n\n"
            + "- a dull book\n- low light\n\nMore at https://example.org/sleep and [the guide](https://example.org/guide).",
        ["emphasis-bomb"] = Fill("*a **b "),
        ["unclosed-emphasis"] = new string('*', Max - 1) + "a",
        ["bracket-bomb"] = new string('[', Max / 2) + new string(']', Max / 2),
        ["link-bomb"] = Fill("[a](b "),
        ["deep-list"] = string.Join('\n', Enumerable.Range(0, 60).Select(i => new string(' ', 2 * i) + "- x")),
        ["deep-quote"] = new string('>', Max - 5) + " deep",
        ["backticks"] = Fill("`a``"),
        ["raw-html"] = Fill("<b onclick=x>"),
    };

    [Params("ordinary", "emphasis-bomb", "unclosed-emphasis", "bracket-bomb", "link-bomb", "deep-list", "deep-quote", "backticks", "raw-html")]
    public string Body { get; set; } = "ordinary";

    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup() => _text = Bodies[Body];

    [Benchmark]
    public string Render() => CommentBodyRenderer.ToHtml(_text);

    private static string Fill(string unit) => string.Concat(Enumerable.Repeat(unit, Max / unit.Length));
}
