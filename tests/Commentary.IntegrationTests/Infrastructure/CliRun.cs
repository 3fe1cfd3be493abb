using Commentary.Cli;
using Spectre.Console.Testing;

namespace Commentary.IntegrationTests.Infrastructure;

/// <summary>What one run of the <c>commentary</c> CLI did: its exit code, what a person saw, the data it wrote and its errors.</summary>
public sealed record CliResult(int ExitCode, string Output, string Data, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n--- output\n{Output}\n--- errors\n{Errors}";
}

/// <summary>Runs the CLI in-process, exactly as Program.cs builds it, with consoles that capture what it prints.</summary>
public static class CliRun
{
    // Wide enough that no table cell wraps in the middle of something a test looks for.
    public static Task<CliResult> RunAsync(params string[] args) => RunAtWidthAsync(400, args);

    /// <summary>Runs the CLI on a terminal this many columns wide.</summary>
    public static async Task<CliResult> RunAtWidthAsync(int width, params string[] args)
    {
        using var console = new TestConsole().Width(width);
        using var errors = new TestConsole().Width(width);
        using var data = new StringWriter();
        var exitCode = await CommentaryCli.Build(new CliOutput(console, data, errors)).RunAsync(args);
        return new CliResult(exitCode, console.Output, data.ToString(), errors.Output);
    }

    /// <summary>A file written for the migration tests, from the test's output folder.</summary>
    public static string MigrationFile(string name) => Path.Combine(AppContext.BaseDirectory, "Migration", name);
}
