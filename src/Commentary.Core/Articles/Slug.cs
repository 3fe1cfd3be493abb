using System.Text.RegularExpressions;

namespace Commentary.Core.Articles;

/// <summary>An article's URL name: lower-case words joined by single hyphens, safe as a blob name and a table key.</summary>
public static partial class Slug
{
    public const int MaxLength = 100;

    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    // \z, not $: "$" would also accept a trailing newline.
    [GeneratedRegex(@"\A[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
