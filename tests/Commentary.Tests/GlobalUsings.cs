// The namespaces most files of this project use, imported once here; a file imports the others it needs itself.
global using System.Text;
global using System.Text.Json;
global using Commentary.Api.Http;
global using Commentary.Api.Ui;
global using Commentary.Core.Comments;
global using Commentary.Core.Moderation;
global using Commentary.Core.Moderation.Policy;
global using Commentary.Core.Notifications;
global using Microsoft.AspNetCore.Http;
global using Microsoft.Extensions.Options;
global using Xunit;
