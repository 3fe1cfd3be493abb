namespace Commentary.Api.Comments;

/// <summary>Settings of the comment feeds (section <c>Feeds</c>).</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";
    public const string SlugPlaceholder = "{slug}";

    /// <summary>
    /// The address of an article's page on the publisher's site, with <c>{slug}</c> where its slug goes, e.g.
    /// <c>https://example.org/articles/{slug}</c>. When set, each feed entry links to its comment on that page
    /// (<c>#comment-{id}</c>, the widget's anchor) and an article's feed links to the page; when not, entries carry no link.
    /// </summary>
    public string? ArticleUrl { get; set; }

    public static IEnumerable<string> Problems(FeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ArticleUrl is { Length: > 0 } template
            && (!template.Contains(SlugPlaceholder, StringComparison.Ordinal)
                || !Uri.TryCreate(template.Replace(SlugPlaceholder, "slug", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https")))
        {
            yield return "Feeds:ArticleUrl must be an absolute http(s) address with {slug} in it, e.g. https://example.org/articles/{slug}.";
        }
    }

    /// <summary>The article's page, or null when no address is configured.</summary>
    public string? PageOf(string slug) =>
        ArticleUrl is { Length: > 0 } template ? template.Replace(SlugPlaceholder, Uri.EscapeDataString(slug), StringComparison.Ordinal) : null;
}
