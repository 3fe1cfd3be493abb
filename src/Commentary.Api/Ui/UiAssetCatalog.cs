using System.Collections.Frozen;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Commentary.Api.Ui;

/// <summary>
/// The files under <c>Ui/wwwroot</c>, and the widget's script composed from <c>Ui/widget</c>, embedded in this assembly
/// and prepared once at start-up. A file may name another's version as <c>{{version:embed.css}}</c>; the placeholder
/// becomes that file's content hash, so pages link to versioned URLs that can be cached for good and change whenever
/// the file does.
/// </summary>
/// <remarks>
/// A script's relative module imports (<c>import { h } from './moderation-dom.js'</c>) are versioned the same way:
/// the specifier becomes <c>./moderation-dom.js?v=hash</c>. Rewriting was chosen over an import map because our pages'
/// Content-Security-Policy allows no inline script and browsers read import maps only inline; and because the source
/// keeps plain specifiers, the type checker and an editor resolve them as they are. Since an importer's hash covers
/// the versions it imports, changing one module changes every URL up to the page, so each can be cached for good.
/// Modules therefore may not import each other in a cycle (the catalog refuses one at start-up).
/// </remarks>
public sealed partial class UiAssetCatalog
{
    public const string ResourcePrefix = "ui/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, UiAsset> _assets;

    public UiAssetCatalog(IReadOnlyDictionary<string, string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _assets = Prepare(sources).ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _assets.Keys;

    /// <summary>
    /// The catalog of the files embedded in this assembly, with the widget's <c>embed.js</c> and <c>embed.css</c>
    /// composed from their parts (<see cref="WidgetScript"/>, <see cref="WidgetStylesheet"/>); the parts themselves are
    /// not in the catalog, so they are never served on their own.
    /// </summary>
    public static UiAssetCatalog FromEmbeddedFiles()
    {
        var sources = EmbeddedTexts(ResourcePrefix);
        AddComposed(sources, WidgetScript.Name, WidgetScript.Compose(WidgetPartTexts(".js")));
        AddComposed(sources, WidgetStylesheet.Name, WidgetStylesheet.Compose(WidgetPartTexts(".css")));
        return new UiAssetCatalog(sources);
    }

    /// <summary>The widget's parts of one kind (".js" or ".css") as embedded, by file name.</summary>
    internal static Dictionary<string, string> WidgetPartTexts(string extension) =>
        EmbeddedTexts(WidgetScript.ResourcePrefix).Where(p => p.Key.EndsWith(extension, StringComparison.Ordinal)).ToDictionary(StringComparer.Ordinal);

    private static void AddComposed(Dictionary<string, string> sources, string name, string text)
    {
        if (!sources.TryAdd(name, text))
        {
            throw new InvalidOperationException($"Both Ui/wwwroot and the widget's parts hold {name}; it is composed from the parts only.");
        }
    }

    /// <summary>The texts of the resources embedded under a prefix, by name without it.</summary>
    private static Dictionary<string, string> EmbeddedTexts(string prefix)
    {
        var assembly = typeof(UiAssetCatalog).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            texts[resource[prefix.Length..]] = reader.ReadToEnd();
        }

        return texts;
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
            var ready = waiting.Where(w => Dependencies(w.Key, w.Value).All(prepared.ContainsKey)).ToArray();
            if (ready.Length == 0)
            {
                var missing = waiting.SelectMany(w => Dependencies(w.Key, w.Value).Where(d => !prepared.ContainsKey(d)).Select(d => $"{w.Key} names {d}"));
                throw new InvalidOperationException("UI files name versions that cannot be resolved: " + string.Join("; ", missing));
            }

            foreach (var (name, text) in ready)
            {
                var resolved = VersionReference().Replace(text, m => prepared[m.Groups["name"].Value].Version);
                if (IsScript(name))
                {
                    resolved = ModuleImport().Replace(resolved, m =>
                        $"{m.Groups["head"].Value}{m.Groups["quote"].Value}./{m.Groups["name"].Value}?v={prepared[m.Groups["name"].Value].Version}{m.Groups["quote"].Value}");
                }

                prepared[name] = Build(name, resolved);
                waiting.Remove(name);
            }
        }

        return prepared;
    }

    private static bool IsScript(string name) => name.EndsWith(".js", StringComparison.Ordinal);

    /// <summary>The files whose versions this one needs: those its placeholders name, and a script's module imports.</summary>
    private static IEnumerable<string> Dependencies(string name, string text)
    {
        var named = VersionReference().Matches(text).Select(m => m.Groups["name"].Value);
        if (!IsScript(name))
        {
            return named;
        }

        // The route serves one folder of flat names, so a relative import the catalog cannot version (another folder,
        // a parent) could only fail in the browser; it fails here instead, when the host starts.
        var unsupported = RelativeImport().Matches(text).Select(m => m.Groups["specifier"].Value)
            .FirstOrDefault(specifier => !ModuleImport().IsMatch($"import '{specifier}'"));
        if (unsupported is not null)
        {
            throw new InvalidOperationException($"UI file '{name}' imports '{unsupported}'; modules import their neighbours only, as './name.js'.");
        }

        return named.Concat(ModuleImport().Matches(text).Select(m => m.Groups["name"].Value));
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

    /// <summary>A static import or re-export of a neighbouring module: <c>import … from './x.js'</c>, <c>import './x.js'</c>.</summary>
    [GeneratedRegex(@"(?<head>\b(?:import|export)\b[^'"";]*?\bfrom\s*|\bimport\s*)(?<quote>['""])\./(?<name>[A-Za-z0-9_-][A-Za-z0-9._-]*\.js)\k<quote>", RegexOptions.CultureInvariant)]
    private static partial Regex ModuleImport();

    /// <summary>Any static import of a relative specifier, versionable or not.</summary>
    [GeneratedRegex(@"(?:\b(?:import|export)\b[^'"";]*?\bfrom\s*|\bimport\s*)(?<quote>['""])(?<specifier>\.\.?/[^'""]*)\k<quote>", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeImport();
}
