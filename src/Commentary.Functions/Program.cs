using Commentary.Api;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// Logs (with their comment id and slug), requests and the Commentary meter go to Application Insights when
// APPLICATIONINSIGHTS_CONNECTION_STRING is set, as the template does.
builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
builder.Services.AddCommentary(builder.Configuration);
builder.Build().Run();
