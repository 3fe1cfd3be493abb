namespace Commentary.Cli;

/// <summary>
/// Where a command writes: <see cref="Console"/> for people (tables, progress), <see cref="Data"/> for machine-readable
/// output such as an export, and <see cref="Errors"/> for messages that must not mix with that data.
/// Tests pass their own, so they read exactly what a person would see.
/// </summary>
public sealed record CliOutput(IAnsiConsole Console, TextWriter Data, IAnsiConsole Errors);
