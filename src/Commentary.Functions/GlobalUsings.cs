// The namespaces most files of this project use, imported once here; a file imports the others it needs itself.
global using Commentary.Api.Comments;
global using Commentary.Api.Http;
global using Commentary.Api.Moderation;
global using Commentary.Core.Storage;
global using Microsoft.AspNetCore.Http;
global using Microsoft.Azure.Functions.Worker;
