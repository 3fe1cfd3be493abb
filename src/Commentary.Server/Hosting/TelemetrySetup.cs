using Commentary.Core.Moderation;
using Commentary.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Commentary.Server.Hosting;

/// <summary>
/// The self-host's telemetry: the Commentary meter and request traces through OpenTelemetry, exported to the console
/// or to an OTLP collector when <c>Telemetry:Exporter</c> says so (<c>console</c> or <c>otlp</c>, the latter with the
/// standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Without the setting nothing is exported and nothing is paid for.
/// </summary>
public static class TelemetrySetup
{
    public const string Setting = "Telemetry:Exporter";

    public static void AddCommentaryTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var exporter = builder.Configuration[Setting]?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(exporter) || exporter == "none")
        {
            return;
        }

        if (exporter is not ("console" or "otlp"))
        {
            throw new InvalidOperationException($"'{Setting}' must be 'console', 'otlp' or 'none', not '{exporter}'.");
        }

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CommentaryMetrics.MeterName).AddAspNetCoreInstrumentation();
                if (exporter == "otlp")
                {
                    metrics.AddOtlpExporter();
                }
                else
                {
                    metrics.AddConsoleExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation();
                if (exporter == "otlp")
                {
                    tracing.AddOtlpExporter();
                }
                else
                {
                    tracing.AddConsoleExporter();
                }
            });
    }
}
