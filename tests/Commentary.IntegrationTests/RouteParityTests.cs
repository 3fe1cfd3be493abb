using Commentary.Api.Http;
using Commentary.Server.Queue;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Commentary.IntegrationTests;

/// <summary>The self-host serves exactly the functions the Functions build declares, with the same routes and methods.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class RouteParityTests(StorageFixture fixture)
{
    [Fact]
    public void Every_http_function_is_mapped_by_the_self_host_with_the_same_route_and_methods_and_nothing_else_is()
    {
        var declared = FunctionsMetadata.HttpRoutes()
            .Select(r => $"{r.Name} {r.Method} {r.Route}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        var mapped = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                $"{e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName} {m} {e.RoutePattern.RawText!.TrimStart('/')["api/".Length..]}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        // Every function name we define, but the queue and timer triggers, is an HTTP function in the build.
        var httpFunctions = typeof(FunctionNames).GetFields().Select(f => (string)f.GetValue(null)!)
            .Where(n => n is not (FunctionNames.ModerateComment or FunctionNames.AkismetWork or FunctionNames.SweepStaleRows or FunctionNames.RetrainModel or FunctionNames.RetrainModelOnRequest
                or FunctionNames.SendNotifications or FunctionNames.SendNotificationDigest))
            .Order(StringComparer.Ordinal);
        Assert.Equal(httpFunctions, declared.Select(d => d.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(declared, mapped);
    }

    [Fact]
    public void The_queue_functions_listen_on_the_queues_the_producers_and_the_self_host_workers_use()
    {
        var queueTriggers = FunctionsMetadata.Load()
            .SelectMany(f => f!["bindings"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "queueTrigger")
                .Select(b => (Name: f["name"]!.GetValue<string>(), Queue: b!["queueName"]!.GetValue<string>(), Connection: b["connection"]?.GetValue<string>())))
            .ToArray();

        Assert.Equal(
            [(FunctionNames.AkismetWork, StorageNames.AkismetQueue, StorageNames.ConnectionSetting),
             (FunctionNames.ModerateComment, StorageNames.SubmissionsQueue, StorageNames.ConnectionSetting),
             (FunctionNames.RetrainModelOnRequest, StorageNames.ModelRetrainQueue, StorageNames.ConnectionSetting),
             (FunctionNames.SendNotifications, StorageNames.NotificationsQueue, StorageNames.ConnectionSetting)],
            queueTriggers.OrderBy(t => t.Name, StringComparer.Ordinal));
        var workers = fixture.Host.Services.GetServices<IHostedService>().ToArray();
        Assert.Contains(workers, s => s is ModerateCommentWorker);
        Assert.Contains(workers, s => s is AkismetQueueWorker);
        Assert.Contains(workers, s => s is RetrainQueueWorker);
        Assert.Contains(workers, s => s is NotificationQueueWorker);
    }

    [Fact]
    public void The_daily_sweep_and_retrain_are_timer_functions_and_self_host_workers()
    {
        var timers = FunctionsMetadata.Load()
            .SelectMany(f => f!["bindings"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "timerTrigger")
                .Select(b => (Name: f["name"]!.GetValue<string>(), Schedule: b!["schedule"]!.GetValue<string>())))
            .ToArray();

        Assert.Equal(
            [(FunctionNames.RetrainModel, "0 41 3 * * *"), (FunctionNames.SendNotificationDigest, "20 * * * * *"), (FunctionNames.SweepStaleRows, "0 17 3 * * *")],
            timers.OrderBy(t => t.Name, StringComparer.Ordinal));
        var workers = fixture.Host.Services.GetServices<IHostedService>().ToArray();
        Assert.Contains(workers, s => s is Commentary.Server.Maintenance.SweepWorker);
        Assert.Contains(workers, s => s is Commentary.Server.Maintenance.RetrainWorker);
        Assert.Contains(workers, s => s is NotificationDigestWorker);
    }
}
