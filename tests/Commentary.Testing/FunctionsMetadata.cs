using System.Text.Json.Nodes;

namespace Commentary.Testing;

/// <summary>The <c>functions.metadata</c> that building the Functions app generates: every function it declares.</summary>
public static class FunctionsMetadata
{
    public static JsonArray Load()
    {
        var path = RepositoryRoot.Combine("src", "Commentary.Functions", "bin", RepositoryRoot.Configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata not found at {path}: build src/Commentary.Functions in {RepositoryRoot.Configuration} first.");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    /// <summary>Every HTTP function as (name, upper-case method, route without the /api prefix).</summary>
    public static IReadOnlyList<(string Name, string Method, string Route)> HttpRoutes() =>
        Load()
            .SelectMany(f => f!["bindings"]!.AsArray()
                .Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")
                .SelectMany(b => b!["methods"]!.AsArray().Select(m =>
                    (f["name"]!.GetValue<string>(), m!.GetValue<string>().ToUpperInvariant(), b["route"]!.GetValue<string>()))))
            .ToArray();
}
