using System.Text.RegularExpressions;

namespace Commentary.Tests.Docs;

/// <summary>
/// docs/api.md, the endpoint reference people read, against the OpenAPI document the hosts serve: every operation
/// (method and path) in one must be in the other. Descriptions and answers are free to differ in wording; the set of
/// operations is not.
/// </summary>
public sealed partial class ApiReferenceTests
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private static string RepositoryFile(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine([directory.FullName, .. parts]);
    }

    /// <summary>"GET /articles/{slug}" for every operation of the OpenAPI document.</summary>
    private static List<string> DocumentOperations()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFile("src", "Commentary.Api", "OpenApi", "openapi.json")));
        var operations = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var item in path.Value.EnumerateObject().Where(i => HttpMethods.Contains(i.Name)))
            {
                operations.Add($"{item.Name.ToUpperInvariant()} {path.Name}");
            }
        }

        return operations;
    }

    /// <summary>
    /// The operations docs/api.md lists: in each table row, every <c>`METHOD /path`</c> in the first cell (a query
    /// string such as <c>?limit=</c> is not part of the path).
    /// </summary>
    private static List<string> ReferenceOperations()
    {
        var operations = new List<string>();
        foreach (var line in File.ReadLines(RepositoryFile("docs", "api.md")))
        {
            var row = FirstCell().Match(line);
            if (!row.Success)
            {
                continue;
            }

            operations.AddRange(Operation().Matches(row.Groups["cell"].Value).Select(m => $"{m.Groups["method"].Value} {m.Groups["path"].Value}"));
        }

        return operations;
    }

    [Fact]
    public void The_endpoint_reference_lists_every_operation_of_the_openapi_document_and_no_other()
    {
        var documented = DocumentOperations();
        var referenced = ReferenceOperations();

        Assert.NotEmpty(documented);
        var missing = documented.Except(referenced, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var unknown = referenced.Except(documented, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Assert.True(missing.Length == 0 && unknown.Length == 0,
            "docs/api.md and openapi.json disagree.\nIn openapi.json, not in docs/api.md:\n  " + string.Join("\n  ", missing) +
            "\nIn docs/api.md, not in openapi.json:\n  " + string.Join("\n  ", unknown));
    }

    [Fact]
    public void The_endpoint_reference_lists_each_operation_once()
    {
        var repeated = ReferenceOperations().GroupBy(o => o, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();

        Assert.True(repeated.Length == 0, "docs/api.md lists these operations more than once:\n" + string.Join("\n", repeated));
    }

    [Fact]
    public void The_who_column_names_the_role_the_openapi_document_requires()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFile("src", "Commentary.Api", "OpenApi", "openapi.json")));
        var required = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var item in path.Value.EnumerateObject().Where(i => HttpMethods.Contains(i.Name)))
            {
                // "public" without a security requirement; otherwise the role every alternative names (they agree).
                var roles = item.Value.GetProperty("security").EnumerateArray()
                    .SelectMany(r => r.EnumerateObject().SelectMany(scheme => scheme.Value.EnumerateArray().Select(role => role.GetString()!)))
                    .Distinct(StringComparer.Ordinal).ToArray();
                required[$"{item.Name.ToUpperInvariant()} {path.Name}"] = roles.Length == 0 ? "public" : Assert.Single(roles);
            }
        }

        var wrong = new List<string>();
        foreach (var line in File.ReadLines(RepositoryFile("docs", "api.md")))
        {
            var row = WhoCells().Match(line);
            foreach (var operation in row.Success ? Operation().Matches(row.Groups["cell"].Value).AsEnumerable() : [])
            {
                var key = $"{operation.Groups["method"].Value} {operation.Groups["path"].Value}";
                if (required.TryGetValue(key, out var role) && role != row.Groups["who"].Value.Trim())
                {
                    wrong.Add($"{key}: docs/api.md says {row.Groups["who"].Value.Trim()}, openapi.json requires {role}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    // A table row's first and second cells.
    [GeneratedRegex(@"^\|(?<cell>(?:[^|\\]|\\.)*)\|(?<who>[^|]*)\|")]
    private static partial Regex WhoCells();

    // A table row's first cell; "\|" inside a cell is an escaped bar, not the cell's end.
    [GeneratedRegex(@"^\|(?<cell>(?:[^|\\]|\\.)*)\|")]
    private static partial Regex FirstCell();

    [GeneratedRegex(@"`(?<method>GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (?<path>/[^`?\s]*)[^`]*`")]
    private static partial Regex Operation();
}
