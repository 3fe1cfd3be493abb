using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Commentary.Tests.Ui;

/// <summary>
/// The widget's and the dashboard's message tables: English is built into a script, every other language is a file
/// <c>{table}.{language}.json</c> with exactly the English keys, and every key the code asks for exists in English.
/// </summary>
public partial class MessageTableTests
{
    private static readonly UiAssetCatalog Catalog = UiAssetCatalog.FromEmbeddedFiles();

    /// <summary>Each table: where its English lives, and which files use its keys.</summary>
    private static readonly Dictionary<string, (string English, Func<string, bool> Uses)> Tables = new(StringComparer.Ordinal)
    {
        ["embed"] = ("embed.js", name => name == "embed.js"),
        ["moderation"] = ("moderation-i18n.js", name => (name.StartsWith("moderation", StringComparison.Ordinal) && name.EndsWith(".js", StringComparison.Ordinal)) || name == "moderation.html"),
    };

    /// <summary>The plural categories of Unicode CLDR, the ones <c>Intl.PluralRules.select</c> answers with.</summary>
    private static readonly HashSet<string> PluralCategories = ["zero", "one", "two", "few", "many", "other"];

    private static readonly HashSet<string> RightToLeft = ["ar", "he", "fa", "ur"];

    public static TheoryData<string> LanguageFiles => new(Catalog.Names.Where(n => LanguageFile().IsMatch(n)).Order(StringComparer.Ordinal));

    public static TheoryData<string> TableNames => new(Tables.Keys);

    private static string Text(string name) =>
        Catalog.TryGet(name, out var asset) ? Encoding.UTF8.GetString(asset.Content) : throw new KeyNotFoundException(name);

    /// <summary>The English table: the strict JSON object that follows <c>const EN = </c> up to the line that closes it.</summary>
    private static JsonObject English(string table)
    {
        var code = Text(Tables[table].English);
        var start = code.IndexOf("const EN = {", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{Tables[table].English} holds its English table as const EN = {{ … }}");
        var open = code.IndexOf('{', start);
        var close = CloseOfTable().Match(code, open);
        Assert.True(close.Success, $"the English table in {Tables[table].English} ends with a line '}};'");
        return JsonNode.Parse(code[open..(close.Index + close.Value.IndexOf('}', StringComparison.Ordinal) + 1)])!.AsObject();
    }

    private static IEnumerable<string> Placeholders(JsonNode value) =>
        value is JsonObject forms
            ? forms.SelectMany(f => Placeholders(f.Value!))
            : Placeholder().Matches(value.GetValue<string>()).Select(m => m.Value);

    [Fact]
    public void The_widget_ships_seven_languages_and_the_dashboard_German_and_Arabic()
    {
        var languages = Catalog.Names.Select(n => LanguageFile().Match(n)).Where(m => m.Success)
            .GroupBy(m => m.Groups["table"].Value).ToDictionary(g => g.Key, g => g.Select(m => m.Groups["language"].Value).ToHashSet());

        Assert.Superset(new HashSet<string> { "de", "fr", "es", "nl", "pt", "ar" }, languages["embed"]);
        Assert.Superset(new HashSet<string> { "de", "ar" }, languages["moderation"]);
    }

    [Theory]
    [MemberData(nameof(LanguageFiles))]
    public void A_language_file_has_exactly_the_English_keys_with_the_same_shape(string file)
    {
        var match = LanguageFile().Match(file);
        var table = match.Groups["table"].Value;
        Assert.True(Tables.ContainsKey(table), $"{file} belongs to no known table; add it to {nameof(Tables)}");
        var english = English(table);
        var translated = JsonNode.Parse(Text(file))!.AsObject();

        Assert.Equal(english.Select(p => p.Key).Order(StringComparer.Ordinal), translated.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (key, value) in translated)
        {
            if (english[key] is JsonObject)
            {
                var forms = Assert.IsType<JsonObject>(value, exactMatch: false);
                Assert.True(forms.ContainsKey("other"), $"{file}: '{key}' has an 'other' form");
                Assert.All(forms, f => Assert.Contains(f.Key, PluralCategories));
                Assert.All(forms, f => Assert.False(string.IsNullOrWhiteSpace(f.Value!.GetValue<string>()), $"{file}: '{key}.{f.Key}' is empty"));
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(value!.GetValue<string>()), $"{file}: '{key}' is empty");
            }

            // A translation may leave a value out ("one comment" needs no number) but never invent one t() cannot fill.
            Assert.Subset(Placeholders(english[key]!).ToHashSet(), Placeholders(value!).ToHashSet());
        }
    }

    [Theory]
    [MemberData(nameof(LanguageFiles))]
    public void Right_to_left_languages_and_only_they_say_so(string file)
    {
        var language = LanguageFile().Match(file).Groups["language"].Value;
        var dir = JsonNode.Parse(Text(file))!["dir"]!.GetValue<string>();

        Assert.Equal(RightToLeft.Contains(language) ? "rtl" : "ltr", dir);
    }

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Every_key_the_code_asks_for_is_in_English_and_every_English_key_is_asked_for(string table)
    {
        var english = English(table).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var used = Catalog.Names.Where(Tables[table].Uses)
            .SelectMany(name => KeyUse().Matches(Text(name)).Select(m => (name, key: m.Groups["key"].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.All(used, use => Assert.True(english.Contains(use.key), $"{use.name} asks for '{use.key}', which the English table lacks"));
        Assert.Empty(english.Except(used.Select(u => u.key), StringComparer.Ordinal));
    }

    [Fact]
    public void The_widget_and_the_dashboard_look_messages_up_with_the_same_function()
    {
        // The widget is one classic script that other sites embed, so it cannot import the dashboard's module; both hold
        // the same text, compared here once indented alike.
        Assert.Equal(Function("embed.js", "function t("), Function("moderation-i18n.js", "function t("));
    }

    [Fact]
    public void The_dashboard_knows_exactly_the_languages_that_are_served()
    {
        Assert.Equal(ServedLanguages("moderation"), ListedLanguages("moderation-i18n.js"));
    }

    [Fact]
    public void The_widget_knows_exactly_the_languages_that_are_served_at_their_current_versions()
    {
        Assert.Equal(ServedLanguages("embed"), ListedLanguages("embed.js"));
    }

    /// <summary>The languages a script names in its <c>LANGUAGES</c> table, each with the version it links to.</summary>
    private static List<KeyValuePair<string, string>> ListedLanguages(string script)
    {
        var code = Text(script);
        var block = code[code.IndexOf("const LANGUAGES = {", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("};", StringComparison.Ordinal)];
        return [.. LanguageVersion().Matches(block).ToDictionary(m => m.Groups["language"].Value, m => m.Groups["version"].Value).OrderBy(p => p.Key, StringComparer.Ordinal)];
    }

    private static List<KeyValuePair<string, string>> ServedLanguages(string table) =>
        [.. Catalog.Names.Select(n => LanguageFile().Match(n)).Where(m => m.Success && m.Groups["table"].Value == table)
            .ToDictionary(m => m.Groups["language"].Value, m => Catalog.TryGet(m.Value, out var asset) ? asset.Version : string.Empty)
            .OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>A function with its JSDoc, each line without its indentation and without <c>export</c>.</summary>
    private static string Function(string script, string signature)
    {
        var lines = Text(script).Split('\n');
        var start = Array.FindIndex(lines, l => l.Contains(signature, StringComparison.Ordinal));
        Assert.True(start > 0, $"{script} has {signature}");
        var docStart = Array.FindLastIndex(lines, start, l => l.Trim() == "/**");
        var end = Array.FindIndex(lines, start, l => l.TrimEnd() == lines[start][..(lines[start].Length - lines[start].TrimStart().Length)] + "}");
        return string.Join('\n', lines[docStart..(end + 1)].Select(l => l.Trim().Replace("export function", "function", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(LanguageFiles))]
    public void A_buttons_visible_word_is_part_of_its_spoken_name(string file)
    {
        // The Reply button shows "reply" and is named "replyTo" for screen readers; speech-input users say what they
        // see, so the name must contain the visible word (axe: label-content-name-mismatch).
        if (!file.StartsWith("embed.", StringComparison.Ordinal))
        {
            return;
        }

        var table = JsonNode.Parse(Text(file))!;
        Assert.Contains(table["reply"]!.GetValue<string>(), table["replyTo"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_widget_stylesheet_names_no_physical_side_so_right_to_left_mirrors_it()
    {
        Assert.DoesNotMatch(PhysicalSide(), Text("embed.css"));
    }

    [GeneratedRegex(@"^(?<table>[a-z]+)\.(?<language>[a-z]{2,3})\.json$")]
    private static partial Regex LanguageFile();

    [GeneratedRegex(@"^\s*\};", RegexOptions.Multiline)]
    private static partial Regex CloseOfTable();

    [GeneratedRegex(@"\{\w+\}")]
    private static partial Regex Placeholder();

    /// <summary>A key as the code asks for it: <c>t('key'</c> in scripts, <c>data-i18n="key"</c> (or one of its attribute forms) in pages.</summary>
    [GeneratedRegex(@"\bt\(\s*'(?<key>[A-Za-z0-9.]+)'|\bdata-i18n(?:-[a-z-]+)?=""(?<key>[A-Za-z0-9.]+)""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"\b(?:margin|padding|border|inset)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:|\b(?:text-align|float|clear)\s*:\s*(?:left|right)\b")]
    private static partial Regex PhysicalSide();

    [GeneratedRegex(@"(?<language>[a-z]{2,3}): '(?<version>[0-9a-f]+)'")]
    private static partial Regex LanguageVersion();
}
