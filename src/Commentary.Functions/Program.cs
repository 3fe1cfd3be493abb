using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Commentary.Api;
using Commentary.Core.Moderation;
using Commentary.Core.Telemetry;
using Commentary.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCommentaryFunctionsTelemetry(builder.Configuration);
builder.Services.AddCommentary(builder.Configuration);
builder.Build().Run();

namespace Commentary.Functions
{
    /// <summary>
    /// The Functions app's telemetry, through OpenTelemetry (host.json sets <c>"telemetryMode": "OpenTelemetry"</c> so
    /// the host does the same). The classic Application Insights worker SDK dropped our Information logs (its default
    /// filter keeps Warning and above) and never exported System.Diagnostics.Metrics meters; here every log at the
    /// configured level, the request traces and the <c>Commentary</c> meter go to Azure Monitor whenever
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, as the template does.
    /// </summary>
    public static class FunctionsTelemetry
    {
        public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

        /// <summary>The platform's setting for Entra ID ingestion: <c>ClientId=…;Authorization=AAD</c>.</summary>
        public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

        public static IServiceCollection AddCommentaryFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
        {
            ArgumentNullException.ThrowIfNull(configuration);
            var telemetry = services.AddOpenTelemetry()
                .UseFunctionsWorkerDefaults()
                .WithMetrics(metrics => metrics.AddMeter(CommentaryMetrics.MeterName));

            var connectionString = configuration[ConnectionStringSetting];
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                // Without a connection string (local runs) nothing is exported; the exporter would refuse to start.
                var credential = IngestionCredential(configuration[AuthenticationStringSetting]);
                telemetry.UseAzureMonitorExporter(options =>
                {
                    options.ConnectionString = connectionString;
                    options.Credential = credential;
                });
            }

            return services;
        }

        /// <summary>
        /// The credential for Entra ID ingestion (the template turns local authentication off, so the instrumentation
        /// key alone is refused): the user-assigned identity the authentication string names, or the system-assigned one.
        /// </summary>
        public static TokenCredential? IngestionCredential(string? authenticationString)
        {
            if (string.IsNullOrWhiteSpace(authenticationString))
            {
                return null;
            }

            var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => p.Split('=', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
            if (!parts.TryGetValue("Authorization", out var authorization) || !string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
                : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
        }
    }
}
