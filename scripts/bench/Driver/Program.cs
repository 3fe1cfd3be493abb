using Commentary.Bench;

// Usage: Commentary.Bench <mode> [options as key=value]. AzureWebJobsStorage names the storage; see run.sh.
var options = args.Skip(1).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty);
var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? throw new InvalidOperationException("Set AzureWebJobsStorage.");
var run = new RunShape(
    int.Parse(options.GetValueOrDefault("connections", "16"), System.Globalization.CultureInfo.InvariantCulture),
    TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "10"), System.Globalization.CultureInfo.InvariantCulture)));
var storage = new BenchStorage(connection);
var api = options.GetValueOrDefault("api", "http://127.0.0.1:7071");

var result = args.FirstOrDefault() switch
{
    "seed" => await Seeding.RunAsync(storage, options),
    "blob-get" => await ClosedLoop.RunAsync(run, _ => storage.DownloadArticleAsync(Seeding.Article)),
    "api-get" => await ClosedLoop.RunAsync(run, _ => Http.GetAsync(api, options["path"])),
    "blob-miss" => await ClosedLoop.RunTimedPartAsync(run, w => storage.ChangeMissArticleAsync(w), w => storage.DownloadArticleAsync(Seeding.MissArticle(w))),
    "api-miss" => await ClosedLoop.RunTimedPartAsync(run, w => storage.ChangeMissArticleAsync(w), w => Http.GetAsync(api, $"/api/articles/{Seeding.MissArticle(w)}")),
    "table-page" => await ClosedLoop.RunAsync(run, _ => storage.FirstApprovedPageAsync(Seeding.Thread)),
    "table-page-cold" => await ClosedLoop.RunTimedPartAsync(run, _ => storage.TouchCounterAsync(Seeding.Thread), _ => storage.FirstApprovedPageAsync(Seeding.Thread)),
    "api-page-cold" => await ClosedLoop.RunTimedPartAsync(run, _ => storage.TouchCounterAsync(Seeding.Thread), _ => Http.GetAsync(api, $"/api/articles/{Seeding.Thread}/comments")),
    "table-counters" => await ClosedLoop.RunAsync(run, _ => storage.ListedCountersAsync()),
    "api-counts" => await ClosedLoop.RunAsync(run, _ => Http.GetAsync(api, Seeding.CountsPath)),
    "enqueue" => await ClosedLoop.RunAsync(run, _ => storage.EnqueueAsync(Submissions.Next())),
    "api-post" => await ClosedLoop.RunAsync(run, _ => Http.PostCommentAsync(api, Submissions.NextBody())),
    "fill-queue" => await Draining.FillAsync(storage, options["prefix"], int.Parse(options["count"], System.Globalization.CultureInfo.InvariantCulture)),
    "watch-drain" => await Draining.WatchAsync(storage, options["prefix"], int.Parse(options["count"], System.Globalization.CultureInfo.InvariantCulture)),
    "raw-drain" => await Draining.RawLoopAsync(storage, options["prefix"], int.Parse(options["count"], System.Globalization.CultureInfo.InvariantCulture)),
    "seed-storage" => await Seeding.CreateStorageAsync(storage),
    "import-file" => Importing.WriteExport(options["path"], Count("count", 10_000), Count("articles", 20)),
    "raw-import" => await Importing.RawLoopAsync(storage, Count("count", 10_000), Count("articles", 20)),
    "crisis-latency" => await CrisisLatency.RunAsync(storage, api, int.Parse(options.GetValueOrDefault("count", "40"), System.Globalization.CultureInfo.InvariantCulture)),
    "alert-latency" => await AlertLatency.RunAsync(storage, api, int.Parse(options.GetValueOrDefault("count", "40"), System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(options["hook-port"], System.Globalization.CultureInfo.InvariantCulture), int.Parse(options["smtp-port"], System.Globalization.CultureInfo.InvariantCulture), options["secret"]),
    _ => throw new ArgumentException("Modes: seed, blob-get, api-get, blob-miss, api-miss, table-page, table-page-cold, api-page-cold, table-counters, api-counts, enqueue, api-post, fill-queue, watch-drain, raw-drain, seed-storage, crisis-latency, alert-latency, import-file, raw-import."),
};
Console.WriteLine(result);

int Count(string key, int fallback) => int.Parse(options.GetValueOrDefault(key, fallback.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Globalization.CultureInfo.InvariantCulture);
