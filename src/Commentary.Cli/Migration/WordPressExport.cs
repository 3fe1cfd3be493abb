using System.Xml.Linq;

namespace Commentary.Cli.Migration;

/// <summary>
/// Reads a WordPress export (WXR: RSS with the <c>wp:</c> namespace of export versions 1.0 to 1.2, written with
/// <c>http</c> or <c>https</c>; WordPress's own theme test data uses <c>https://wordpress.org/export/1.2/</c>). Each <c>item</c> is a
/// thread; its <c>wp:comment</c> elements are the comments, with <c>comment_approved</c> 1 (approved), 0 (held),
/// <c>spam</c>, or <c>trash</c>/<c>post-trashed</c> (deleted). Pingbacks and trackbacks are not comments.
/// </summary>
public static class WordPressExport
{
    public const string Source = "wordpress";
    private static readonly string[] WpNamespacePrefixes = ["http://wordpress.org/export/", "https://wordpress.org/export/"];

    public static SourceExport Read(Stream xml)
    {
        var channel = SourceXml.Load(xml).Root?.Element("channel");
        if (channel is null || !channel.Elements().Any(e => IsWp(e, "wxr_version")))
        {
            throw new FormatException("This is not a WordPress export: it has no <channel> with <wp:wxr_version>.");
        }

        var threads = new Dictionary<string, SourceThread>(StringComparer.Ordinal);
        var comments = new List<SourceComment>();
        foreach (var item in channel.Elements("item"))
        {
            var key = Wp(item, "post_id");
            if (key is null)
            {
                continue;
            }

            threads[key] = new SourceThread(key, Text(item.Element("link")), Text(item.Element("title")), [key], Wp(item, "post_name"));
            foreach (var comment in item.Elements().Where(e => IsWp(e, "comment")))
            {
                var id = Wp(comment, "comment_id");
                if (id is null)
                {
                    continue;
                }

                var type = Wp(comment, "comment_type");
                var parent = Wp(comment, "comment_parent");
                comments.Add(new SourceComment(
                    id,
                    key,
                    parent is null or "0" ? null : parent,
                    Wp(comment, "comment_author") ?? string.Empty,
                    Wp(comment, "comment_author_email"),
                    Wp(comment, "comment_author_url"),
                    SourceMarkup.ToPlainText(Wp(comment, "comment_content")),
                    Date(Wp(comment, "comment_date_gmt")) ?? Date(Wp(comment, "comment_date")),
                    State(Wp(comment, "comment_approved")),
                    Wp(comment, "comment_author_IP"),
                    type is null or "comment" ? null : $"a {type}, not a comment"));
            }
        }

        return new SourceExport(Source, "WordPress", threads, comments);
    }

    private static SourceState State(string? approved) => approved?.ToLowerInvariant() switch
    {
        "1" or "approve" or "approved" => SourceState.Approved,
        "spam" => SourceState.Spam,
        "trash" or "post-trashed" => SourceState.Deleted,
        // "0", "hold" and anything unknown: never publish what the source did not.
        _ => SourceState.Pending,
    };

    private static bool IsWp(XElement element, string localName) =>
        element.Name.LocalName == localName
        && WpNamespacePrefixes.Any(prefix => IsVersionOf(element.Name.NamespaceName, prefix));

    // "http://wordpress.org/export/1.2/", not "…/1.2/excerpt/".
    private static bool IsVersionOf(string ns, string prefix) =>
        ns.StartsWith(prefix, StringComparison.Ordinal) && ns.EndsWith('/') && ns[prefix.Length..^1] is { Length: > 0 } version
        && version.All(c => char.IsAsciiDigit(c) || c == '.');

    private static string? Wp(XElement element, string localName) => Text(element.Elements().FirstOrDefault(e => IsWp(e, localName)));

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } text ? text : null;

    // comment_date_gmt is UTC; "0000-00-00 00:00:00" means WordPress never set it.
    private static DateTimeOffset? Date(string? value) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            && date.Year > 1
            ? date
            : null;
}
