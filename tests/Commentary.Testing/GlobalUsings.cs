// The namespaces most files of this project use, imported once here; a file imports the others it needs itself.
global using System.Collections.Concurrent;
global using System.Net;
global using Azure.Core;
global using Azure.Core.Pipeline;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Logging;
global using Xunit;
