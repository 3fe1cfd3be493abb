using System.Xml;

namespace Commentary.Api.Comments;

/// <summary>
/// Writes an Atom feed (RFC 4287) of comments. Each entry carries the author's public name (and website, as the page
/// shows it) and the body as the same safe HTML the page shows, escaped as <c>type="html"</c>; never an email
/// address or an IP hash, which a <see cref="PublishedComment"/> does not even hold. Ids are tag URIs (RFC 4151) of
/// the host, the slug and the comment id, so they stay the same however often the feed is read.
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Namespace = "http://www.w3.org/2005/Atom";

    // The year of a tag URI only makes the name unique to its owner at that date; it never changes afterwards.
    private const string TagDate = "2026";

    public sealed record Source(string Id, string Title, string SelfUrl, string? PageUrl, DateTimeOffset Fallback);

    public sealed record Entry(StoredArticle Article, PublishedComment Comment, string Title);

    public static string IdOf(string host, string path) => $"tag:{host},{TagDate}:{path}";

    public static byte[] Write(string host, Source feed, IReadOnlyList<Entry> entries, FeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(options);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, feed.Id);
            xml.WriteElementString("title", Namespace, XmlText(feed.Title));
            xml.WriteElementString("updated", Namespace, Time(entries.Count > 0 ? entries.Max(e => e.Comment.Created) : feed.Fallback));
            WriteLink(xml, "self", ContentType, feed.SelfUrl);
            if (feed.PageUrl is { } page)
            {
                WriteLink(xml, "alternate", "text/html", page);
            }

            xml.WriteStartElement("generator", Namespace);
            xml.WriteString("Commentary");
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                WriteEntry(xml, host, entry, options);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteEntry(XmlWriter xml, string host, Entry entry, FeedOptions options)
    {
        var (article, comment) = (entry.Article.Article, entry.Comment);
        xml.WriteStartElement("entry", Namespace);
        xml.WriteElementString("id", Namespace, IdOf(host, $"comments/{article.Slug}/{comment.Id}"));
        xml.WriteElementString("title", Namespace, XmlText(entry.Title));
        xml.WriteElementString("published", Namespace, Time(comment.Created));
        xml.WriteElementString("updated", Namespace, Time(comment.Created));
        xml.WriteStartElement("author", Namespace);
        xml.WriteElementString("name", Namespace, XmlText(comment.Author));
        if (comment.Website is { Length: > 0 } website && Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            xml.WriteElementString("uri", Namespace, website);
        }

        xml.WriteEndElement();
        if (options.PageOf(article.Slug) is { } page)
        {
            WriteLink(xml, "alternate", "text/html", $"{page}#comment-{comment.Id}");
        }

        xml.WriteStartElement("content", Namespace);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(XmlText(CommentBodyRenderer.ToHtml(comment.Body)));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteLink(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>
    /// The text without the characters XML cannot hold (control characters, lone surrogates). New comments cannot
    /// contain them, but imported ones may, and one such character must not make the whole feed fail.
    /// </summary>
    private static string XmlText(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
        }

        return clean.ToString();
    }

    private static string Time(DateTimeOffset time) => XmlConvert.ToString(time.ToUniversalTime(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
}
