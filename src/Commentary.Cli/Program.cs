using Commentary.Cli;

// Messages and tables go to stdout; `comments export` writes its JSON there instead and talks on stderr.
var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
return await CommentaryCli.Build(new CliOutput(AnsiConsole.Console, Console.Out, errors)).RunAsync(args);
