using System.Text.RegularExpressions;

namespace Commentary.Api.Ui;

/// <summary>
/// The order of the widget's parts (<c>NN-concern.js</c>, <c>NN-concern.css</c>): the number is each part's place in
/// the file composed from them, so the folder lists the parts as the file holds them and no list is kept elsewhere.
/// </summary>
public static partial class WidgetParts
{
    /// <summary>The parts in the order of their numbers; refuses a misnamed part, two with one number, or none.</summary>
    public static IEnumerable<KeyValuePair<string, string>> InOrder(IReadOnlyDictionary<string, string> parts, string extension, string composed)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new InvalidOperationException($"The widget has no parts to compose {composed} from.");
        }

        var ordered = parts.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        string? previousOrder = null;
        foreach (var (name, _) in ordered)
        {
            var order = PartName().Match(name);
            if (!order.Success || !name.EndsWith(extension, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Widget part '{name}' must be named 'NN-concern{extension}': the number is its place in {composed}.");
            }

            if (order.Groups["order"].Value == previousOrder)
            {
                throw new InvalidOperationException($"Widget part '{name}' shares its number with another part; each has a place of its own.");
            }

            previousOrder = order.Groups["order"].Value;
        }

        return ordered;
    }

    [GeneratedRegex(@"^(?<order>[0-9]{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PartName();
}
