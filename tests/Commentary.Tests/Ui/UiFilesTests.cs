using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Commentary.Tests.Ui;

/// <summary>Rules for the real widget, dashboard and demo files that ship inside Commentary.Api.</summary>
public partial class UiFilesTests
{
    private const int WidgetBudgetBytes = 15 * 1024;
    private const int CountBudgetBytes = 1024;
    private const int StyleBudgetBytes = 3 * 1024;
    private static readonly UiAssetCatalog Catalog = UiAssetCatalog.FromEmbeddedFiles();

    public static TheoryData<string> Pages => new(Catalog.Names.Where(n => n.EndsWith(".html", StringComparison.Ordinal)));

    public static TheoryData<string> Scripts => new(Catalog.Names.Where(n => n.EndsWith(".js", StringComparison.Ordinal)));

    private static UiAsset Asset(string name) => Catalog.TryGet(name, out var asset) ? asset : throw new KeyNotFoundException(name);

    private static string Text(string name) => Encoding.UTF8.GetString(Asset(name).Content);

    private static int GzippedSize(string name)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Asset(name).Content);
        }

        return (int)output.Length;
    }

    [Fact]
    public void The_widget_the_dashboard_and_the_demo_page_are_embedded()
    {
        Assert.Superset(
            new HashSet<string> { "embed.js", "embed.css", "moderation.html", "moderation-main.js", "moderation.css", "demo.html", "demo.js", "demo.css" },
            Catalog.Names.ToHashSet());
    }

    [Fact]
    public void The_API_description_lists_exactly_the_files_that_are_served()
    {
        using var stream = typeof(UiAssetCatalog).Assembly.GetManifestResourceStream("Commentary.Api.OpenApi.openapi.json")!;
        var document = System.Text.Json.Nodes.JsonNode.Parse(stream)!;
        var listed = document["components"]!["parameters"]!["UiFile"]!["schema"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(Catalog.Names.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_widget_script_is_under_15_KB_gzipped_and_its_stylesheet_under_3_KB()
    {
        // The script is the budget the issue set; the stylesheet loads beside it (cached on its own, versioned URL), so it
        // has a budget of its own rather than a share of the script's.
        Assert.True(GzippedSize("embed.js") < WidgetBudgetBytes, $"embed.js is {GzippedSize("embed.js")} bytes gzipped");
        Assert.True(GzippedSize("embed.css") < StyleBudgetBytes, $"embed.css is {GzippedSize("embed.css")} bytes gzipped");
    }

    [Fact]
    public void The_count_script_is_at_most_1_KB_gzipped_and_one_classic_script()
    {
        Assert.True(GzippedSize("count.js") <= CountBudgetBytes, $"count.js is {GzippedSize("count.js")} bytes gzipped");
        // Loaded by other sites with a plain <script src>, it may neither import nor export nor load other files.
        Assert.DoesNotMatch(@"(?m)^\s*(import|export)\s", Text("count.js"));
        Assert.DoesNotContain("{{version:", Encoding.UTF8.GetString(Asset("count.js").Content), StringComparison.Ordinal);
        Assert.Contains("count.js", Text("listing.html"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Pages_have_nothing_inline_that_their_content_security_policy_would_block(string page)
    {
        var html = Text(page);

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineStyle(), html);
        Assert.DoesNotMatch(InlineHandler(), html);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Pages_link_their_scripts_and_styles_by_current_version(string page)
    {
        var links = LocalAsset().Matches(Text(page));

        Assert.NotEmpty(links);
        foreach (Match link in links)
        {
            Assert.Equal(Asset(link.Groups["name"].Value).Version, link.Groups["version"].Value);
        }
    }

    [Fact]
    public void No_version_placeholder_is_left_in_any_file()
    {
        Assert.All(Catalog.Names, name => Assert.DoesNotContain("{{version:", Text(name), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Scripts_insert_markup_only_from_the_APIs_html_fields(string script)
    {
        var code = Text(script);

        foreach (Match assignment in MarkupAssignment().Matches(code))
        {
            Assert.Matches(@"^[A-Za-z_.]+\.html$", assignment.Groups["value"].Value.Trim());
        }

        foreach (var forbidden in new[] { "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function" })
        {
            Assert.DoesNotContain(forbidden, code, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_dashboard_is_modules_of_at_most_300_lines_each_checked_by_the_type_checker()
    {
        var modules = DashboardModules();

        Assert.True(modules.Count >= 6, $"the dashboard has {modules.Count} modules");
        Assert.DoesNotContain("moderation.js", Catalog.Names);
        Assert.All(modules, name =>
        {
            var lines = Text(name).Split('\n').Length - (Text(name).EndsWith('\n') ? 1 : 0);
            Assert.True(lines <= 300, $"{name} has {lines} lines");
            Assert.StartsWith("// @ts-check\n", Text(name), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_dashboard_module_is_reached_from_the_page_at_its_current_version()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var page = Text("moderation.html");
        var entry = ModuleScript().Match(page);
        Assert.True(entry.Success, "moderation.html loads its script as a module");
        var waiting = new Queue<Match>([entry]);
        while (waiting.TryDequeue(out var link))
        {
            var name = link.Groups["name"].Value;
            Assert.Equal(Asset(name).Version, link.Groups["version"].Value);
            if (reached.Add(name))
            {
                foreach (Match import in VersionedImport().Matches(Text(name)))
                {
                    waiting.Enqueue(import);
                }
            }
        }

        Assert.Equal(DashboardModules().OrderBy(n => n, StringComparer.Ordinal), reached.OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(reached, name => Assert.DoesNotMatch(UnversionedImport(), Text(name)));
    }

    /// <summary>
    /// The functions the widget and the dashboard both need, and the dashboard module that holds each. The widget is one
    /// classic script that other sites embed, so it cannot import the dashboard's modules and holds a copy instead.
    /// </summary>
    public static TheoryData<string, string> SharedFunctions => new()
    {
        { "retryAfterSeconds", "moderation-api.js" },
        { "t", "moderation-i18n.js" },
        { "h", "moderation-dom.js" },
    };

    [Theory]
    [MemberData(nameof(SharedFunctions))]
    public void The_widget_holds_the_same_text_as_the_dashboard_for_each_function_they_share(string name, string module)
    {
        // Compared once indented alike and without "export"; a browser test also runs both Retry-After copies on one table.
        var widget = FunctionText("embed.js", name);

        Assert.True(widget.Split('\n').Length > 3, $"embed.js has a body for {name}");
        Assert.Equal(FunctionText(module, name), widget);
    }

    [Fact]
    public void The_widget_stays_one_classic_script_that_other_sites_can_embed()
    {
        // A module would need type="module" on every site that embeds it and CORS for each import; one script needs neither.
        Assert.DoesNotMatch(@"(?m)^\s*(?:import|export)\b", Text("embed.js"));
        Assert.DoesNotMatch(@"\bimport\s*\(", Text("embed.js"));
    }

    [Fact]
    public void The_widget_is_its_parts_composed_into_one_strict_function_and_the_parts_are_not_served_themselves()
    {
        var parts = WidgetParts();
        var widget = Text("embed.js");

        Assert.True(parts.Count >= 6, $"the widget has {parts.Count} parts");
        Assert.Equal(
            VersionReference().Replace(WidgetScript.Compose(parts), m => Asset(m.Groups["name"].Value).Version),
            widget);
        // One function around everything, opened and closed once at the left margin: nothing the parts declare at their
        // top level reaches the embedding page's global scope.
        Assert.StartsWith("(() => {\n'use strict';\n", widget, StringComparison.Ordinal);
        Assert.EndsWith("\n})();\n", widget, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(widget, @"^\(\(\) => \{$", RegexOptions.Multiline));
        Assert.Single(Regex.Matches(widget, @"^\}\)\(\);$", RegexOptions.Multiline));
        Assert.All(parts.Keys, part =>
        {
            Assert.DoesNotContain(part, Catalog.Names);
            Assert.False(Catalog.TryGet(WidgetScript.ResourcePrefix + part, out _), $"{part} is served on its own");
        });
    }

    [Fact]
    public void The_widgets_parts_are_at_most_300_lines_each_checked_by_the_type_checker()
    {
        Assert.All(WidgetParts(), part =>
        {
            var lines = part.Value.Split('\n').Length - (part.Value.EndsWith('\n') ? 1 : 0);
            Assert.True(lines <= 300, $"{part.Key} has {lines} lines");
            Assert.StartsWith("// @ts-check\n", part.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Each_class_of_the_widget_extends_one_that_an_earlier_part_declares()
    {
        // Classes exist only once their declaration has run, so in the composed script a class can extend only one that
        // comes before it; the type checker reads the parts as one scope and would not notice the wrong order.
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (part, text) in WidgetParts().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (Match declaration in ClassDeclaration().Matches(text))
            {
                var extended = declaration.Groups["base"].Value;
                Assert.True(extended.Length == 0 || declared.Contains(extended), $"{part}: {declaration.Value} comes before {extended}");
                declared.Add(declaration.Groups["name"].Value);
            }
        }

        Assert.Contains("CommentSection", declared);
    }

    [Fact]
    public void The_widgets_stylesheet_is_its_parts_in_order_and_the_parts_are_not_served_themselves()
    {
        var parts = WidgetParts(".css");

        Assert.True(parts.Count >= 2, $"the stylesheet has {parts.Count} parts");
        Assert.Equal(WidgetStylesheet.Compose(parts), Text("embed.css"));
        Assert.All(parts, part =>
        {
            Assert.DoesNotContain(part.Key, Catalog.Names);
            Assert.False(Catalog.TryGet(WidgetScript.ResourcePrefix + part.Key, out _), $"{part.Key} is served on its own");
            var lines = part.Value.Split('\n').Length - (part.Value.EndsWith('\n') ? 1 : 0);
            Assert.True(lines <= 300, $"{part.Key} has {lines} lines");
        });
    }

    private static Dictionary<string, string> WidgetParts(string extension = ".js") => UiAssetCatalog.WidgetPartTexts(extension);

    /// <summary>A function's declaration and body in a script (not its comments), each line without its indentation.</summary>
    private static string FunctionText(string script, string name)
    {
        var lines = Text(script).Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith($"function {name}(", StringComparison.Ordinal)
            || l.TrimStart().StartsWith($"export function {name}(", StringComparison.Ordinal));
        Assert.True(start >= 0, $"{script} declares {name}");
        var indent = lines[start][..^lines[start].TrimStart().Length];
        var end = Array.FindIndex(lines, start, l => l == indent + "}");
        Assert.True(end > start, $"{script} closes {name}");
        return string.Join('\n', lines[start..(end + 1)].Select(l => l.Trim().Replace("export function", "function", StringComparison.Ordinal)));
    }

    private static List<string> DashboardModules() =>
        Catalog.Names.Where(n => n.StartsWith("moderation", StringComparison.Ordinal) && n.EndsWith(".js", StringComparison.Ordinal)).ToList();

    [GeneratedRegex(@"<script type=""module"" src=""(?<name>[a-z0-9-]+\.js)\?v=(?<version>[0-9a-f]+)""></script>")]
    private static partial Regex ModuleScript();

    [GeneratedRegex(@"(?:\bfrom\s*|\bimport\s*)'\./(?<name>[a-z0-9-]+\.js)\?v=(?<version>[0-9a-f]+)'")]
    private static partial Regex VersionedImport();

    [GeneratedRegex(@"(?:\bfrom\s*|\bimport\s*)['""]\./[a-z0-9-]+\.js['""]")]
    private static partial Regex UnversionedImport();

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style|\sstyle=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyle();

    [GeneratedRegex(@"\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"(?:src|href)=""(?<name>[a-z0-9.-]+\.(?:js|css))\?v=(?<version>[0-9a-f]+)""")]
    private static partial Regex LocalAsset();

    [GeneratedRegex(@"\{\{version:(?<name>[A-Za-z0-9._-]+)\}\}")]
    private static partial Regex VersionReference();

    [GeneratedRegex(@"^class (?<name>\w+)(?: extends (?<base>\w+))? \{", RegexOptions.Multiline)]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"innerHTML\s*=(?<value>[^;]+);")]
    private static partial Regex MarkupAssignment();
}
