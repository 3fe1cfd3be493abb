namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// What a writer whose comment is in the crisis lane (priority urgent) is shown at once, and what a moderator can send
/// them privately. Sets are chosen by the page's country, then the reader's language, then <see cref="Default"/>. The
/// site owner is responsible for every number and address published here.
/// </summary>
public sealed class CrisisResourceSettings
{
    public const string DefaultHeading = "You are not alone";

    public const string DefaultMessage =
        "Thank you for writing this. If you are thinking about ending your life or are in danger now, please contact "
        + "your local emergency services or go to the nearest emergency department. If you can, tell someone you trust how you feel.";

    public const string DefaultReplySubject = "About your comment on {article}";

    public const string DefaultReplyText =
        "Hello {author},\n\nI read the comment you left on \"{article}\", and I wanted to write to you personally. It "
        + "sounds like things are very hard right now, and I am glad you wrote.\n\nIf you are in danger or thinking about "
        + "ending your life, please reach out now:\n\n{resources}\n\nYou do not have to go through this alone.\n\n{moderator}";

    public bool Enabled { get; set; } = true;

    /// <summary>For readers no set below fits.</summary>
    public CrisisResourceSet Default { get; set; } = new() { Heading = DefaultHeading, Message = DefaultMessage };

    /// <summary>Sets for particular countries (ISO 3166-1 alpha-2 codes) or languages (BCP 47 tags such as "de" or "pt-BR").</summary>
    public List<CrisisResourceSet> Sets { get; set; } = [];

    /// <summary>The private email a moderator may send; placeholders {author}, {article}, {resources} and {moderator}.</summary>
    public CrisisReplyTemplate Reply { get; set; } = new() { Subject = DefaultReplySubject, Text = DefaultReplyText };

    /// <summary>
    /// The set that fits a reader: the page's country first (the site owner set it), then the widget's language, then
    /// each language the browser accepts in order, then <see cref="Default"/>. Returns how it matched, for the history.
    /// </summary>
    public CrisisResourceMatch Choose(string? country, string? language, string? acceptLanguage)
    {
        var sets = Sets ?? [];
        if (Normalize(country) is { Length: 2 } code
            && sets.FirstOrDefault(s => s.Countries?.Any(c => string.Equals(c?.Trim(), code, StringComparison.OrdinalIgnoreCase)) == true) is { } byCountry)
        {
            return new(byCountry, "country " + code.ToUpperInvariant());
        }

        foreach (var tag in LanguagesOf(language, acceptLanguage))
        {
            if (FindLanguage(sets, tag) is { } found)
            {
                return found;
            }
        }

        return new(Default, CrisisResourceMatch.DefaultKey);
    }

    /// <summary>The set a recorded match key (from <see cref="CrisisResourceMatch.Key"/>) names in these settings, if any.</summary>
    public CrisisResourceSet? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key == CrisisResourceMatch.DefaultKey)
        {
            return Default;
        }

        var parts = key.Split(' ', 2);
        if (parts.Length != 2)
        {
            return null;
        }

        var sets = Sets ?? [];
        return parts[0] switch
        {
            "country" => sets.FirstOrDefault(s => s.Countries?.Any(c => string.Equals(c?.Trim(), parts[1], StringComparison.OrdinalIgnoreCase)) == true),
            "language" => sets.FirstOrDefault(s => s.Languages?.Any(l => string.Equals(l?.Trim(), parts[1], StringComparison.OrdinalIgnoreCase)) == true),
            _ => null,
        };
    }

    private static CrisisResourceMatch? FindLanguage(List<CrisisResourceSet> sets, string tag)
    {
        // "pt-BR" as written first; then any set in the same primary language ("pt", "pt-PT"; "en" also finds "en-US").
        var primary = tag.Split('-')[0];
        foreach (var sameLanguage in new Func<string, bool>[]
        {
            written => string.Equals(written, tag, StringComparison.OrdinalIgnoreCase),
            written => string.Equals(written.Split('-')[0], primary, StringComparison.OrdinalIgnoreCase),
        })
        {
            foreach (var set in sets)
            {
                if (set.Languages?.FirstOrDefault(l => l is not null && sameLanguage(l.Trim())) is { } written)
                {
                    return new(set, "language " + written.Trim());
                }
            }
        }

        return null;
    }

    // The widget's language, then Accept-Language's tags by quality (ties keep their order); '*' and junk are skipped.
    private static IEnumerable<string> LanguagesOf(string? language, string? acceptLanguage)
    {
        if (Normalize(language) is { } first && IsLanguageTag(first))
        {
            yield return first;
        }

        if (string.IsNullOrWhiteSpace(acceptLanguage) || acceptLanguage.Length > 500)
        {
            yield break;
        }

        var ranked = acceptLanguage.Split(',')
            .Select((part, index) =>
            {
                var pieces = part.Split(';');
                var quality = 1.0;
                foreach (var parameter in pieces.Skip(1))
                {
                    var pair = parameter.Split('=', 2);
                    if (pair.Length == 2 && pair[0].Trim() == "q"
                        && double.TryParse(pair[1].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var q))
                    {
                        quality = q;
                    }
                }

                return (Tag: pieces[0].Trim(), Quality: quality, Index: index);
            })
            .Where(t => t.Quality > 0 && IsLanguageTag(t.Tag))
            .OrderByDescending(t => t.Quality)
            .ThenBy(t => t.Index);
        foreach (var (tag, _, _) in ranked)
        {
            yield return tag;
        }
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static bool IsLanguageTag(string tag)
    {
        var parts = tag.Split('-');
        return tag.Length <= 35
            && parts[0].Length is >= 2 and <= 3 && parts[0].All(char.IsAsciiLetter)
            && parts.Skip(1).All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));
    }
}

/// <summary>The set chosen for a reader and how it was chosen: <c>country US</c>, <c>language de</c> or <c>default</c>.</summary>
public sealed record CrisisResourceMatch(CrisisResourceSet Set, string Key)
{
    public const string DefaultKey = "default";
}

/// <summary>One set of resources: for whom, a heading, a short message and the entries.</summary>
public sealed class CrisisResourceSet
{
    /// <summary>ISO 3166-1 alpha-2 codes, e.g. "US", "GB".</summary>
    public List<string> Countries { get; set; } = [];

    /// <summary>Language tags, e.g. "en", "de", "pt-BR"; a reader's "de-AT" also finds "de".</summary>
    public List<string> Languages { get; set; } = [];

    public string Heading { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public List<CrisisResource> Resources { get; set; } = [];
}

/// <summary>One place to turn to: a name, what it offers, and how to reach it (at least one of phone, SMS, web).</summary>
public sealed class CrisisResource
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    /// <summary>A number to call: digits, spaces, '+', '-', '(' and ')'.</summary>
    public string? Phone { get; set; }

    /// <summary>A number to text, written like <see cref="Phone"/>.</summary>
    public string? Sms { get; set; }

    /// <summary>An https address.</summary>
    public string? Url { get; set; }
}

/// <summary>The private reply's subject and plain text; the HTML version is made from the text.</summary>
public sealed class CrisisReplyTemplate
{
    public const int MaxSubject = 200;
    public const int MaxText = 5000;

    public string Subject { get; set; } = string.Empty;

    public string Text { get; set; } = string.Empty;
}
