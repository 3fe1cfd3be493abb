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
public static class WidgetStylesheet
{
    /// <summary>The name the composed stylesheet is served under (the widget's script links to it).</summary>
    public const string Name = "embed.css";

    /// <summary>The parts, by file name and text, joined in the order of their names.</summary>
    public static string Compose(IReadOnlyDictionary<string, string> parts)
    {
        var sheet = new StringBuilder();
        foreach (var (_, text) in WidgetParts.InOrder(parts, ".css", Name))
        {
            if (sheet.Length > 0)
            {
                sheet.Append('\n');
            }

            sheet.Append(text.ReplaceLineEndings("\n").Trim('\n')).Append('\n');
        }

        return sheet.ToString();
    }
}
