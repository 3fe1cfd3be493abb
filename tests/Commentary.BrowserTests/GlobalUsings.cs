// The namespaces most files of this project use, imported once here; a file imports the others it needs itself.
global using System.Text.Json;
global using Commentary.BrowserTests.Infrastructure;
global using Commentary.Core.Comments;
global using Commentary.Testing;
global using Deque.AxeCore.Playwright;
global using Microsoft.Playwright;
global using Xunit;
