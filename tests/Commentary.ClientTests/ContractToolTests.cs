using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Commentary.ClientTests.Infrastructure;

namespace Commentary.ClientTests;

/// <summary>
/// The OpenAPI document as tools we did not write read it: Redocly's recommended ruleset finds nothing, Kiota
/// warns about nothing but string formats it has no type for, and the client it generated read the document the
/// hosts serve.
/// </summary>
[Collection(StorageTestGroup.Name)]
public sealed partial class ContractToolTests(StorageFixture fixture)
{
    /// <summary>Written by the build (see the project file) next to the client it generated.</summary>
    private static readonly string Generation = Path.Combine(AppContext.BaseDirectory, "kiota");

    [Fact]
    public async Task Redocly_recommended_ruleset_finds_no_error_and_no_warning()
    {
        var (exitCode, output, errors) = await RunAsync(RepositoryRoot.Combine("node_modules", ".bin", "redocly"), "lint", "--format=json");

        Assert.True(exitCode == 0, $"redocly lint exited with {exitCode}:\n{errors}\n{output}");
        var report = JsonNode.Parse(output)!;
        var problems = report["problems"]!.AsArray()
            .Select(p => $"{p!["severity"]} {p["ruleId"]} at {p["location"]?[0]?["pointer"]}: {p["message"]}")
            .ToArray();
        Assert.True(problems.Length == 0, "Redocly found:\n" + string.Join('\n', problems));
        Assert.Equal(0, report["totals"]!["errors"]!.GetValue<int>());
        Assert.Equal(0, report["totals"]!["warnings"]!.GetValue<int>());
        // The ruleset came from redocly.yaml: a run without it would lint nothing and find nothing.
        Assert.Contains("using lint rules for api 'commentary'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Kiota_warned_about_nothing_but_string_formats_it_cannot_type()
    {
        var output = File.ReadAllLines(Path.Combine(Generation, "kiota-output.txt"));
        Assert.Contains(output, line => line.Contains("Generation completed successfully", StringComparison.Ordinal));

        // The console logger writes "warn: Category[id]" and then the message on the next line.
        var warnings = output.Zip(output.Skip(1))
            .Where(pair => LogLevel().IsMatch(pair.First))
            .Select(pair => $"{pair.First.Trim()} {pair.Second.Trim()}")
            .ToArray();
        Assert.All(warnings, warning => Assert.Matches(UnsupportedFormat(), warning));
    }

    [Fact]
    public async Task The_client_was_generated_from_the_document_the_self_host_serves()
    {
        using var response = await fixture.Host.Client.GetAsync("openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = Convert.ToHexString(SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));

        var generatedFrom = File.ReadAllText(Path.Combine(Generation, "document.sha256")).Trim();

        Assert.Equal(served, generatedFrom, ignoreCase: true);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string executable, params string[] arguments)
    {
        Assert.True(File.Exists(executable), $"{executable} is missing: run 'npm ci' in the repository root (scripts/test.sh does).");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry and no update check: CI reaches no network but the package registries.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(patience.Token);
        return (process.ExitCode, await output, await errors);
    }

    [GeneratedRegex(@"^(warn|fail|crit): ")]
    private static partial Regex LogLevel();

    [GeneratedRegex(@"^warn: \S+ OpenAPI warning: \S+ - The format [\w-]+ is not supported by Kiota and the string type will be used\.$")]
    private static partial Regex UnsupportedFormat();
}
