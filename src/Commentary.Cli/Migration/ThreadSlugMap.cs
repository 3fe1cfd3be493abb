using System.Text.Json;

namespace Commentary.Cli.Migration;

/// <summary>
/// Which article a source thread belongs to. A map file entry wins (keyed by the thread's URL or one of its source
/// identifiers); otherwise the last segment of the thread's URL, when it is a valid slug; otherwise the slug the source
/// suggests (WordPress post_name). Map files are CSV (<c>url,slug</c> per line) or JSON (<c>{"url": "slug"}</c> or
/// <c>[{"url": …, "slug": …}]</c>).
/// </summary>
public sealed class ThreadSlugMap
{
    /// <summary>How <see cref="Resolve"/> names a slug that came from the map file.</summary>
    public const string FromMapFile = "map file";

    private static readonly string[] PageExtensions = [".html", ".htm", ".php", ".aspx"];
    private readonly Dictionary<string, string> _entries;

    private ThreadSlugMap(Dictionary<string, string> entries) => _entries = entries;

    public static ThreadSlugMap Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    public int Count => _entries.Count;

    public static ThreadSlugMap Load(string path)
    {
        var text = File.ReadAllText(path);
        var pairs = text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[') ? FromJson(text, path) : FromCsv(text, path);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, slug, where) in pairs)
        {
            if (!Slug.IsValid(slug))
            {
                throw new FormatException($"{where}: '{slug}' is not a valid slug.");
            }

            entries[PageKey(key)] = slug;
        }

        return new ThreadSlugMap(entries);
    }

    /// <summary>The slug of a thread and how it was found, or a null slug and why none was.</summary>
    public (string? Slug, string How) Resolve(SourceThread thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        foreach (var key in new[] { thread.Url }.Concat(thread.Identifiers).OfType<string>())
        {
            if (_entries.TryGetValue(PageKey(key), out var mapped))
            {
                return (mapped, FromMapFile);
            }
        }

        if (FromUrl(thread.Url) is { } fromUrl)
        {
            return (fromUrl, "URL");
        }

        if (Slug.IsValid(thread.SlugHint))
        {
            return (thread.SlugHint, "source slug");
        }

        return (null, thread.Url is null
            ? "the thread has no URL; add its identifier to the --map file"
            : $"the last segment of {thread.Url} is not a slug; add the URL to the --map file");
    }

    /// <summary>The last non-empty path segment of a URL, without a page extension, when it is a valid slug.</summary>
    public static string? FromUrl(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segment = Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        var extension = PageExtensions.FirstOrDefault(e => segment.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (extension is not null)
        {
            segment = segment[..^extension.Length];
        }

        return Slug.IsValid(segment) ? segment : null;
    }

    /// <summary>
    /// One key for one page: the same page is often written with http or https, with or without a trailing slash,
    /// with a differently-cased host.
    /// </summary>
    public static string PageKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var trimmed = key.Trim();
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri.Host.ToLowerInvariant() + uri.AbsolutePath.TrimEnd('/') + uri.Query
            : trimmed;
    }

    private static IEnumerable<(string Key, string Slug, string Where)> FromCsv(string text, string path)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (i == 0 && line.Equals("url,slug", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            // A slug never holds a comma, a URL may: split at the last one.
            var comma = line.LastIndexOf(',');
            if (comma <= 0)
            {
                throw new FormatException($"{path} line {i + 1}: expected 'url,slug'.");
            }

            yield return (Unquote(line[..comma]), Unquote(line[(comma + 1)..]), $"{path} line {i + 1}");
        }
    }

    private static IEnumerable<(string Key, string Slug, string Where)> FromJson(string text, string path)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var pairs = new List<(string, string, string)>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
            {
                pairs.Add((property.Name, property.Value.GetString() ?? string.Empty, $"{path} \"{property.Name}\""));
            }
        }
        else
        {
            var index = 0;
            foreach (var entry in root.EnumerateArray())
            {
                var url = entry.TryGetProperty("url", out var u) ? u.GetString() : null;
                var slug = entry.TryGetProperty("slug", out var s) ? s.GetString() : null;
                if (url is null || slug is null)
                {
                    throw new FormatException($"{path} entry {index}: expected {{\"url\": …, \"slug\": …}}.");
                }

                pairs.Add((url, slug, $"{path} entry {index}"));
                index++;
            }
        }

        return pairs;
    }

    private static string Unquote(string value) => value.Trim().Trim('"').Trim();
}
