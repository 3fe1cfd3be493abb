using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Commentary.Api.Ui;

/// <summary>
/// The files under <c>Ui/wwwroot</c>, embedded in this assembly and prepared once at start-up. A file may name
/// another's version as <c>{{version:embed.css}}</c>; the placeholder becomes that file's content hash, so pages link
/// to versioned URLs that can be cached for good and change whenever the file does.
/// </summary>
public sealed partial class UiAssetCatalog
{
    public const string ResourcePrefix = "ui/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, UiAsset> _assets;

    public UiAssetCatalog(IReadOnlyDictionary<string, string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _assets = Prepare(sources).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _assets.Keys;

    /// <summary>The catalog of the files embedded in this assembly.</summary>
    public static UiAssetCatalog FromEmbeddedFiles()
    {
        var assembly = typeof(UiAssetCatalog).Assembly;
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            sources[resource[ResourcePrefix.Length..]] = reader.ReadToEnd();
        }

        return new UiAssetCatalog(sources);
    }

    /// <summary>Only names in the catalog are ever served, so no request can reach any other file.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out UiAsset? asset) =>
        _assets.TryGetValue(name, out asset);

    private static Dictionary<string, UiAsset> Prepare(IReadOnlyDictionary<string, string> sources)
    {
        var prepared = new Dictionary<string, UiAsset>(StringComparer.Ordinal);
        var waiting = new Dictionary<string, string>(sources, StringComparer.Ordinal);
        while (waiting.Count > 0)
        {
            // A file is ready once every file it names is prepared; each round prepares at least one or there is a cycle.
            var ready = waiting.Where(w => VersionReference().Matches(w.Value).All(m => prepared.ContainsKey(m.Groups["name"].Value))).ToArray();
            if (ready.Length == 0)
            {
                var missing = waiting.SelectMany(w => VersionReference().Matches(w.Value).Select(m => $"{w.Key} names {m.Groups["name"].Value}"));
                throw new InvalidOperationException("UI files name versions that cannot be resolved: " + string.Join("; ", missing));
            }

            foreach (var (name, text) in ready)
            {
                var resolved = VersionReference().Replace(text, m => prepared[m.Groups["name"].Value].Version);
                prepared[name] = Build(name, resolved);
                waiting.Remove(name);
            }
        }

        return prepared;
    }

    private static UiAsset Build(string name, string text)
    {
        if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
        {
            throw new InvalidOperationException($"UI file '{name}' has no known media type; add its extension to {nameof(UiAssetCatalog)}.");
        }

        var content = Encoding.UTF8.GetBytes(text);
        var version = Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 8));
        return new UiAsset(name, contentType, content, Gzip(content), version);
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    [GeneratedRegex(@"\{\{version:(?<name>[A-Za-z0-9._-]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex VersionReference();
}
