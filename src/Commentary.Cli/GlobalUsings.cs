// The namespaces most files of this project use, imported once here; a file imports the others it needs itself.
global using System.ComponentModel;
global using System.Globalization;
global using Commentary.Cli.Hosting;
global using Commentary.Core.Articles;
global using Commentary.Core.Moderation;
global using Spectre.Console;
global using Spectre.Console.Cli;
