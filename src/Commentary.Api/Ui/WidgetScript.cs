using System.Text.RegularExpressions;

namespace Commentary.Api.Ui;

/// <summary>
/// The comment widget's <c>embed.js</c>, composed from its parts in <c>Ui/widget</c>: each part one concern, written as a
/// classic script with <c>// @ts-check</c>, so the type checker reads them together as the browser runs the result.
/// </summary>
/// <remarks>
/// Other sites embed the widget with a plain <c>&lt;script src&gt;</c>, so it stays one classic script: no module
/// imports (each would need CORS and <c>type="module"</c> on every embedding page), one request. The parts are joined
/// in the order of their numbered names and wrapped once in a function with <c>'use strict'</c>, so their top-level
/// names are local to the widget and cannot meet the page's. What is about the file rather than the code, its
/// <c>// @ts-check</c> line and the heading that says what the part holds, stays in the source: every reader downloads
/// the script, within a budget of 15 KB gzipped. The numbers are the order, rather than a list kept elsewhere, so the
/// folder lists the parts as the script holds them and adding a part needs no list updated. Order matters only for what
/// runs as the script loads: a class extends one of an earlier part, and the last part starts the widget once every
/// part is defined. The parts are embedded under a prefix of their own, so only the composed script is ever served.
/// </remarks>
public static partial class WidgetScript
{
    /// <summary>The name the composed script is served under.</summary>
    public const string Name = "embed.js";

    /// <summary>The prefix of the parts' embedded resource names (the catalog serves only <see cref="UiAssetCatalog.ResourcePrefix"/>).</summary>
    public const string ResourcePrefix = "widget/";

    private const string TypeCheck = "// @ts-check\n";

    /// <summary>The parts, by file name and text, joined in the order of their names and wrapped once.</summary>
    public static string Compose(IReadOnlyDictionary<string, string> parts)
    {
        var script = new StringBuilder("(() => {\n'use strict';\n");
        foreach (var (name, text) in WidgetParts.InOrder(parts, ".js", Name))
        {
            var source = text.ReplaceLineEndings("\n");
            if (!source.StartsWith(TypeCheck, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Widget part '{name}' must start with '// @ts-check', so the type checker reads it.");
            }

            if (ModuleSyntax().IsMatch(source))
            {
                throw new InvalidOperationException($"Widget part '{name}' imports or exports; the parts share one classic script instead.");
            }

            var code = Heading().Replace(source[TypeCheck.Length..], string.Empty, 1);
            script.Append('\n').Append(code.AsSpan().Trim('\n')).Append('\n');
        }

        return script.Append("})();\n").ToString();
    }

    /// <summary>A part's heading: the <c>//</c> lines it opens with, up to a blank line.</summary>
    [GeneratedRegex(@"\A(?://[^\n]*\n)+\n", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*(?:import|export)\b|\bimport\s*\(", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ModuleSyntax();
}
