using System.Diagnostics;
using System.Xml.Linq;

namespace Commentary.IntegrationTests.Infrastructure;

/// <summary>
/// The Bicep CLI that restoring <c>tools/Bicep</c> brings from NuGet (scripts/test.sh does that before the tests).
/// <c>BICEP_CLI</c> may name another binary.
/// </summary>
public static class BicepCli
{
    private const string PackageProperty = "PkgAzure_Bicep_CommandLine_linux-x64";

    public static string Path { get; } = Locate();

    /// <summary>Compiles a .bicep file to ARM JSON; everything the CLI said on stderr comes back as diagnostics.</summary>
    public static (JsonObject Template, string Diagnostics) Build(string bicepFile)
    {
        var (stdout, diagnostics) = Run("build", bicepFile);
        return (JsonNode.Parse(stdout)!.AsObject(), diagnostics);
    }

    /// <summary>
    /// Builds a .bicepparam file: the template it uses, the parameter values it gives (the <c>parameters</c> object of
    /// an ARM parameters file), and everything the CLI said on stderr.
    /// </summary>
    public static (JsonObject Template, JsonObject Parameters, string Diagnostics) BuildParams(string bicepparamFile)
    {
        var (stdout, diagnostics) = Run("build-params", bicepparamFile);

        // The CLI answers with both documents as JSON strings inside one object.
        var output = JsonNode.Parse(stdout)!.AsObject();
        var template = JsonNode.Parse(output["templateJson"]!.GetValue<string>())!.AsObject();
        var parameters = JsonNode.Parse(output["parametersJson"]!.GetValue<string>())!["parameters"]!.AsObject();
        return (template, parameters, diagnostics);
    }

    /// <summary>Runs one CLI command on a file with <c>--stdout</c>; a non-zero exit throws with what the CLI said.</summary>
    private static (string Stdout, string Diagnostics) Run(string command, string file)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { command, file, "--stdout" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + Path);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var diagnostics = stderr.Result.Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep {command} {file} failed with exit code {process.ExitCode}:\n{diagnostics}");
        }

        return (stdout.Result, diagnostics);
    }

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BICEP_CLI");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return File.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new InvalidOperationException($"BICEP_CLI names '{fromEnvironment}', which does not exist.");
        }

        // Restore writes the package folder into the tools project's nuget.g.props (GeneratePathProperty).
        var props = RepositoryRoot.Combine("tools", "Bicep", "obj", "Bicep.Tools.csproj.nuget.g.props");
        const string hint = "Run scripts/test.sh, or 'dotnet restore tools/Bicep/Bicep.Tools.csproj', to restore the Bicep CLI.";
        if (!File.Exists(props))
        {
            throw new InvalidOperationException($"The Bicep CLI cannot be found: {props} does not exist. {hint}");
        }

        var package = XDocument.Load(props).Descendants().FirstOrDefault(e => e.Name.LocalName == PackageProperty)?.Value.Trim();
        var binary = package is null ? null : System.IO.Path.Combine(package, "tools", "bicep");
        if (binary is null || !File.Exists(binary))
        {
            throw new InvalidOperationException($"The Bicep CLI cannot be found: {props} names no package with tools/bicep ('{package}'). {hint}");
        }

        return binary;
    }
}
