// The namespaces most files of this project use, imported once here; a file imports the others it needs itself.
global using System.Text;
global using Commentary.Api.Http;
global using Commentary.Core.Access;
global using Commentary.Core.Articles;
global using Commentary.Core.Comments;
global using Commentary.Core.Moderation;
global using Commentary.Core.Notifications;
global using Microsoft.AspNetCore.Http;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Options;
