using System.Diagnostics.Metrics;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Commentary.Core.Telemetry;
using Commentary.Functions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;

namespace Commentary.IntegrationTests;

/// <summary>
/// The Functions app's telemetry as built: host.json puts the host in OpenTelemetry mode, and the app's own
/// registration exports the <c>Commentary</c> meter and everything else to Azure Monitor with the managed identity.
/// The classic Application Insights worker SDK exported no meter at all, so these fail against it.
/// </summary>
public sealed class FunctionsTelemetryTests
{
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    [Fact]
    public void The_host_runs_in_open_telemetry_mode()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("src", "Commentary.Functions", "host.json")))!;
        Assert.Equal("OpenTelemetry", hostJson["telemetryMode"]?.GetValue<string>());
    }

    [Fact]
    public void The_apps_registration_exports_the_commentary_meter()
    {
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddSingleton<CommentaryMetrics>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FunctionsTelemetry.ConnectionStringSetting] = ConnectionString,
        }).Build();

        services.AddCommentaryFunctionsTelemetry(configuration);
        // A second reader on the app's own meter provider: it sees exactly the meters the app subscribed to.
        var exported = new List<Metric>();
        using var reader = new BaseExportingMetricReader(new InMemoryExporter<Metric>(exported));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddReader(reader));

        using var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<MeterProvider>();
        provider.GetRequiredService<CommentaryMetrics>().Accepted("an-article");
        Assert.True(reader.Collect());

        Assert.Contains(exported, m => m.MeterName == CommentaryMetrics.MeterName && m.Name == "commentary.comments.accepted");
        // And the provider's exporter is Azure Monitor, given the connection string.
        var options = provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName);
        Assert.Equal(ConnectionString, options.ConnectionString);
    }

    [Fact]
    public void Information_logs_with_their_comment_id_reach_the_exporter()
    {
        // The Application Insights worker SDK kept only Warning and above by default; these logs carry the comment id.
        var services = new ServiceCollection().AddLogging().AddMetrics();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FunctionsTelemetry.ConnectionStringSetting] = ConnectionString,
        }).Build();
        services.AddCommentaryFunctionsTelemetry(configuration);
        var exported = new LogCapture();
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddProcessor(exported));

        using (var provider = services.BuildServiceProvider())
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Commentary.Test");
#pragma warning disable CA1848, CA2254 // One log line for the test; speed does not matter here.
            logger.LogInformation("Comment {CommentId} on {Slug} approved", "c-123", "an-article");
#pragma warning restore CA1848, CA2254
        }

        var record = Assert.Single(exported.Records, r => r.Category == "Commentary.Test");
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains(record.Attributes, a => a.Key == "CommentId" && Equals(a.Value, "c-123"));
    }

    private sealed record CapturedLog(string? Category, LogLevel Level, KeyValuePair<string, object?>[] Attributes);

    /// <summary>Copies what each log record says as it passes: the SDK reuses record objects once exported.</summary>
    private sealed class LogCapture : BaseProcessor<LogRecord>
    {
        public List<CapturedLog> Records { get; } = [];

        public override void OnEnd(LogRecord data)
        {
#pragma warning disable CS0618 // LogLevel is the plainest view of the severity for this check.
            Records.Add(new CapturedLog(data.CategoryName, data.LogLevel, data.Attributes?.ToArray() ?? []));
#pragma warning restore CS0618
        }
    }

    [Fact]
    public void Without_a_connection_string_nothing_is_sent_to_azure_monitor()
    {
        var services = new ServiceCollection().AddLogging().AddMetrics();
        services.AddCommentaryFunctionsTelemetry(new ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();
        Assert.Null(provider.GetRequiredService<IOptionsMonitor<AzureMonitorExporterOptions>>().Get(Options.DefaultName).ConnectionString);
    }

    [Fact]
    public void Ingestion_authenticates_as_the_identity_the_template_names()
    {
        // The template writes ClientId=…;Authorization=AAD; Application Insights there refuses the key alone.
        Assert.IsType<ManagedIdentityCredential>(FunctionsTelemetry.IngestionCredential("ClientId=11111111-1111-1111-1111-111111111111;Authorization=AAD"));
        Assert.Null(FunctionsTelemetry.IngestionCredential(null));
        Assert.Null(FunctionsTelemetry.IngestionCredential("ClientId=11111111-1111-1111-1111-111111111111"));
    }
}
