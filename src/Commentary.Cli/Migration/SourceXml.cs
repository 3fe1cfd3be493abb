using System.Xml;
using System.Xml.Linq;

namespace Commentary.Cli.Migration;

/// <summary>
/// Loads an export's XML, understanding the well-known prefixes exporters use without declaring them (WordPress.com
/// writes <c>atom:link</c> with no <c>xmlns:atom</c>). A prefix the file declares itself keeps its own meaning.
/// </summary>
public static class SourceXml
{
    /// <summary>The namespace WordPress export version 1.2 declares for <c>wp:</c>, used when a file forgets to.</summary>
    public const string WordPressNamespace = "http://wordpress.org/export/1.2/";

    private static readonly (string Prefix, string Namespace)[] WellKnown =
    [
        ("atom", "http://www.w3.org/2005/Atom"),
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("content", "http://purl.org/rss/1.0/modules/content/"),
        ("wfw", "http://wellformedweb.org/CommentAPI/"),
        ("excerpt", "http://wordpress.org/export/1.2/excerpt/"),
        ("wp", WordPressNamespace),
        ("dsq", "http://disqus.com/disqus-internals"),
    ];

    public static XDocument Load(Stream xml)
    {
        var names = new NameTable();
        var namespaces = new XmlNamespaceManager(names);
        foreach (var (prefix, uri) in WellKnown)
        {
            namespaces.AddNamespace(prefix, uri);
        }

        // As XDocument.Load reads by default: DTDs allowed but bounded, never fetched from anywhere.
        var settings = new XmlReaderSettings
        {
            NameTable = names,
            DtdProcessing = DtdProcessing.Parse,
            MaxCharactersFromEntities = 10_000_000,
            XmlResolver = null,
        };
        using var reader = XmlReader.Create(xml, settings, new XmlParserContext(names, namespaces, null, XmlSpace.None));
        return XDocument.Load(reader);
    }
}
