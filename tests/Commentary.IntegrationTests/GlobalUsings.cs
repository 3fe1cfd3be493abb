// The namespaces most files of this project use, imported once here; a file imports the others it needs itself.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json.Nodes;
global using Azure.Data.Tables;
global using Commentary.Core.Comments;
global using Commentary.Core.Moderation;
global using Commentary.Core.Storage;
global using Commentary.IntegrationTests.Infrastructure;
global using Commentary.Testing;
global using Microsoft.Extensions.DependencyInjection;
global using Xunit;
