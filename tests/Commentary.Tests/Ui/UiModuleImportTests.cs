using Commentary.Tests.Http;

namespace Commentary.Tests.Ui;

/// <summary>How the catalog versions the dashboard's ES module imports, so that every module is immutable-cacheable.</summary>
public class UiModuleImportTests
{
    private static Dictionary<string, string> Sources(string leaf = "export const answer = 42;") => new()
    {
        ["page.html"] = "<script type=\"module\" src=\"main.js?v={{version:main.js}}\"></script>",
        ["main.js"] = "import { show } from './view.js';\nimport * as util from \"./util.js\";\nimport './side.js';\nshow(util.answer);",
        ["view.js"] = "import {\n  answer,\n} from './util.js';\nexport { answer as shown } from './util.js';\nexport function show() {}",
        ["util.js"] = leaf,
        ["side.js"] = "document.title = 'x';",
    };

    private static UiAsset Asset(UiAssetCatalog catalog, string name) =>
        catalog.TryGet(name, out var asset) ? asset : throw new KeyNotFoundException(name);

    private static string Text(UiAssetCatalog catalog, string name) => Encoding.UTF8.GetString(Asset(catalog, name).Content);

    [Fact]
    public void Relative_imports_and_re_exports_point_at_the_current_version_of_the_module_they_name()
    {
        var catalog = new UiAssetCatalog(Sources());
        var util = Asset(catalog, "util.js").Version;

        Assert.Equal(
            $"import {{ show }} from './view.js?v={Asset(catalog, "view.js").Version}';\n" +
            $"import * as util from \"./util.js?v={util}\";\n" +
            $"import './side.js?v={Asset(catalog, "side.js").Version}';\nshow(util.answer);",
            Text(catalog, "main.js"));
        Assert.Equal(
            $"import {{\n  answer,\n}} from './util.js?v={util}';\nexport {{ answer as shown }} from './util.js?v={util}';\nexport function show() {{}}",
            Text(catalog, "view.js"));
    }

    [Fact]
    public void Changing_a_module_changes_the_version_of_every_module_that_imports_it_up_to_the_page()
    {
        var before = new UiAssetCatalog(Sources());
        var after = new UiAssetCatalog(Sources("export const answer = 43;"));

        foreach (var changed in new[] { "util.js", "view.js", "main.js", "page.html" })
        {
            Assert.NotEqual(Asset(before, changed).Version, Asset(after, changed).Version);
        }

        Assert.Equal(Asset(before, "side.js").Version, Asset(after, "side.js").Version);
    }

    [Fact]
    public void Import_like_text_that_is_not_a_relative_module_import_is_left_alone()
    {
        const string Script = "/** @typedef {import('./types.js').Item} Item */\nconst note = 'import from ./view.js';\nfetch(new URL('./api.js', location.href));";
        var catalog = new UiAssetCatalog(new Dictionary<string, string> { ["lone.js"] = Script });

        Assert.Equal(Script, Text(catalog, "lone.js"));
    }

    [Theory]
    [InlineData("import { a } from '../up.js';", "../up.js")]
    [InlineData("import { a } from './folder/down.js';", "./folder/down.js")]
    [InlineData("export * from './util.mjs';", "./util.mjs")]
    public void An_import_the_route_could_not_serve_stops_start_up(string script, string specifier)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new UiAssetCatalog(new Dictionary<string, string> { ["main.js"] = script }));

        Assert.Contains(specifier, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Importing_a_module_that_is_not_there_or_a_cycle_of_modules_stops_start_up()
    {
        var missing = Assert.Throws<InvalidOperationException>(() =>
            new UiAssetCatalog(new Dictionary<string, string> { ["main.js"] = "import { a } from './gone.js';" }));
        var cycle = Assert.Throws<InvalidOperationException>(() => new UiAssetCatalog(new Dictionary<string, string>
        {
            ["a.js"] = "import { b } from './b.js'; export const a = 1;",
            ["b.js"] = "import { a } from './a.js'; export const b = 2;",
        }));

        Assert.Contains("main.js names gone.js", missing.Message, StringComparison.Ordinal);
        Assert.Contains("a.js names b.js", cycle.Message, StringComparison.Ordinal);
        Assert.Contains("b.js names a.js", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_module_requested_at_the_version_its_importer_names_is_javascript_cached_for_good()
    {
        var catalog = new UiAssetCatalog(Sources());
        var specifier = System.Text.RegularExpressions.Regex.Match(Text(catalog, "main.js"), @"'\./view\.js\?v=(?<v>[0-9a-f]+)'").Groups["v"].Value;
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?v=" + specifier);

        var response = await ResultExecution.ExecuteAsync(await new UiEndpoints(catalog).GetAsync(context.Request, "view.js"), context);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", response.ContentType);
        Assert.Equal(UiEndpoints.VersionedCache, response.Headers.CacheControl.ToString());
    }
}
