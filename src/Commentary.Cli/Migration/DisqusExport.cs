using System.Xml.Linq;

namespace Commentary.Cli.Migration;

/// <summary>
/// Reads a Disqus export (<c>&lt;disqus xmlns="http://disqus.com"&gt;</c>): threads with their links, then posts that
/// point at their thread and parent by <c>dsq:id</c>. <c>isDeleted</c>, <c>isSpam</c> and, where present,
/// <c>isApproved</c> give each post's state.
/// </summary>
public static class DisqusExport
{
    public const string Source = "disqus";
    private static readonly XNamespace Ns = "http://disqus.com";
    private static readonly XNamespace Internals = "http://disqus.com/disqus-internals";

    public static SourceExport Read(Stream xml)
    {
        var root = SourceXml.Load(xml).Root;
        if (root is null || root.Name != Ns + "disqus")
        {
            throw new FormatException("This is not a Disqus export: its root element is not <disqus xmlns=\"http://disqus.com\">.");
        }

        var threads = new Dictionary<string, SourceThread>(StringComparer.Ordinal);
        var threadByIdentifier = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var thread in root.Elements(Ns + "thread"))
        {
            var key = Id(thread);
            if (key is null)
            {
                continue;
            }

            var identifier = Text(thread, "id");
            threads[key] = new SourceThread(key, Text(thread, "link"), Text(thread, "title"), identifier is null ? [] : [identifier]);
            if (identifier is not null)
            {
                threadByIdentifier.TryAdd(identifier, key);
            }
        }

        var posts = root.Elements(Ns + "post").ToArray();
        // Older exports name a parent by its <id> rather than its dsq:id.
        var postByIdentifier = posts
            .Select(p => (Identifier: Text(p, "id"), Key: Id(p)))
            .Where(p => p.Identifier is not null && p.Key is not null)
            .DistinctBy(p => p.Identifier)
            .ToDictionary(p => p.Identifier!, p => p.Key!, StringComparer.Ordinal);

        var comments = new List<SourceComment>();
        foreach (var post in posts)
        {
            var key = Id(post);
            if (key is null)
            {
                continue;
            }

            var threadElement = post.Element(Ns + "thread");
            var threadKey = Id(threadElement) ?? Lookup(threadByIdentifier, threadElement?.Value.Trim()) ?? string.Empty;
            var parentElement = post.Element(Ns + "parent");
            var parentKey = parentElement is null ? null : Id(parentElement) ?? Lookup(postByIdentifier, parentElement.Value.Trim()) ?? parentElement.Value.Trim();
            var author = post.Element(Ns + "author");
            var state = Flag(post, "isDeleted") ? SourceState.Deleted
                : Flag(post, "isSpam") ? SourceState.Spam
                : post.Element(Ns + "isApproved") is { } approved && !IsTrue(approved.Value) ? SourceState.Pending
                : SourceState.Approved;

            comments.Add(new SourceComment(
                key,
                threadKey,
                string.IsNullOrEmpty(parentKey) ? null : parentKey,
                Text(author, "name") ?? Text(author, "username") ?? string.Empty,
                Text(author, "email"),
                null,
                SourceMarkup.ToPlainText(post.Element(Ns + "message")?.Value),
                Date(Text(post, "createdAt")),
                state,
                Text(post, "ipAddress")));
        }

        return new SourceExport(Source, "Disqus", threads, comments);
    }

    private static string? Id(XElement? element) =>
        element?.Attribute(Internals + "id")?.Value.Trim() is { Length: > 0 } id ? id : null;

    private static string? Text(XElement? element, string name) =>
        element?.Element(Ns + name)?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static bool Flag(XElement element, string name) => element.Element(Ns + name) is { } flag && IsTrue(flag.Value);

    private static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Lookup(Dictionary<string, string> map, string? key) =>
        key is not null && map.TryGetValue(key, out var found) ? found : null;

    // Disqus writes UTC, sometimes without the 'Z'.
    private static DateTimeOffset? Date(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
