using Markdig;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Commentary.Core.Articles;

/// <summary>
/// Reads an article file: YAML front matter between <c>---</c> lines, then Markdown.
/// Raw HTML in the Markdown is not passed through, so a publisher's file cannot inject script.
/// </summary>
public static class ArticleParser
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseAutoIdentifiers()
        .Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static Article Parse(string slug, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Slug.IsValid(slug))
        {
            throw new ArticleFormatException($"'{slug}' is not a valid slug.");
        }

        var (yaml, markdown) = Split(text.ReplaceLineEndings("\n"));
        FrontMatter matter;
        try
        {
            matter = Yaml.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
        }
        catch (YamlException e)
        {
            throw new ArticleFormatException($"Front matter is not valid YAML: {e.Message}");
        }

        var title = Required(matter.Title, "title");
        var author = Required(matter.Author, "author");
        var published = Date(Required(matter.Published, "published"), "published");
        var updated = string.IsNullOrWhiteSpace(matter.Updated) ? (DateTimeOffset?)null : Date(matter.Updated, "updated");
        var comments = (matter.Comments ?? "open").Trim().ToLowerInvariant();
        if (comments is not ("open" or "closed"))
        {
            throw new ArticleFormatException("'comments' must be 'open' or 'closed'.");
        }

        return new Article(
            slug,
            title,
            author,
            published,
            updated,
            string.IsNullOrWhiteSpace(matter.Summary) ? null : matter.Summary.Trim(),
            matter.Tags?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToArray() ?? [],
            comments == "open",
            Markdown.ToHtml(markdown, Pipeline));
    }

    private static (string Yaml, string Markdown) Split(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new ArticleFormatException("An article must start with YAML front matter between '---' lines.");
        }

        // The closing line may follow the opening one directly (empty front matter), so search from its newline.
        var close = 3;
        while ((close = text.IndexOf("\n---", close, StringComparison.Ordinal)) >= 0)
        {
            var after = close + 4;
            if (after == text.Length || text[after] == '\n')
            {
                var yaml = close <= 4 ? string.Empty : text[4..close];
                return (yaml, after >= text.Length ? string.Empty : text[(after + 1)..]);
            }

            close = after;
        }

        throw new ArticleFormatException("The front matter has no closing '---' line.");
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArticleFormatException($"Front matter needs '{name}'.") : value.Trim();

    private static DateTimeOffset Date(string value, string name) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new ArticleFormatException($"'{name}' is not an ISO 8601 date: '{value}'.");

    private sealed class FrontMatter
    {
        public string? Title { get; set; }
        public string? Author { get; set; }
        public string? Published { get; set; }
        public string? Updated { get; set; }
        public string? Summary { get; set; }
        public List<string>? Tags { get; set; }
        public string? Comments { get; set; }
    }
}

public sealed class ArticleFormatException(string message) : Exception(message);
