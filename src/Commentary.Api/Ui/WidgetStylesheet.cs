using System.Text;
using System.Text.RegularExpressions;

namespace Commentary.Api.Ui;

/// <summary>
/// The widget's <c>embed.css</c>, composed from its parts in <c>Ui/widget</c> (<c>NN-concern.css</c>) in the order of
/// their numbered names, as <see cref="WidgetScript"/> composes the script beside them.
/// </summary>
/// <remarks>
/// The widget loads one stylesheet, so a reader's page makes one request for it whatever the parts are. Joining the
/// parts in order keeps the cascade exactly what one file in that order would give: a later rule of the same
/// specificity wins, as it would further down one file.
/// </remarks>
public static partial class WidgetStylesheet
{
    /// <summary>The name the composed stylesheet is served under (the widget's script links to it).</summary>
    public const string Name = "embed.css";

    /// <summary>The parts, by file name and text, joined in the order of their names.</summary>
    public static string Compose(IReadOnlyDictionary<string, string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new InvalidOperationException("The widget's stylesheet has no parts to compose.");
        }

        var sheet = new StringBuilder();
        string? previousOrder = null;
        foreach (var (name, text) in parts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var order = PartName().Match(name);
            if (!order.Success)
            {
                throw new InvalidOperationException($"Widget stylesheet part '{name}' must be named 'NN-concern.css': the number is its place in embed.css.");
            }

            if (order.Groups["order"].Value == previousOrder)
            {
                throw new InvalidOperationException($"Widget stylesheet part '{name}' shares its number with another part; each has a place of its own.");
            }

            previousOrder = order.Groups["order"].Value;
            if (sheet.Length > 0)
            {
                sheet.Append('\n');
            }

            sheet.Append(text.ReplaceLineEndings("\n").Trim('\n')).Append('\n');
        }

        return sheet.ToString();
    }

    [GeneratedRegex(@"^(?<order>[0-9]{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.css$", RegexOptions.CultureInvariant)]
    private static partial Regex PartName();
}
