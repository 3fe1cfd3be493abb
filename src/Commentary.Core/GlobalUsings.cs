// The namespaces most files of this project use, imported once here; a file imports the others it needs itself.
global using System.Globalization;
global using System.Net;
global using System.Security.Cryptography;
global using System.Text;
global using System.Text.Json;
global using Azure;
global using Azure.Data.Tables;
global using Commentary.Core.Articles;
global using Commentary.Core.Comments;
global using Commentary.Core.Moderation;
global using Commentary.Core.Moderation.Policy;
global using Commentary.Core.Storage;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
