using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace Commentary.IntegrationTests;

/// <summary>
/// The promise behind 202: thousands of comments posted concurrently while the self-host is killed with SIGKILL twice
/// mid-drain and restarted. Afterwards every id that got 202 is stored exactly once, and nothing else is.
/// Clients retry with an Idempotency-Key, as a browser widget does, so a post whose answer died with the process is
/// resolved to one id rather than lost or doubled.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Comments = 2000;
    private const int Concurrency = 24;

    /// <summary>What the OS reports for a process that SIGKILL ended: 128 + the signal's number.</summary>
    private const int SigKillExitCode = 128 + 9;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "commentary-crash-" + Guid.NewGuid().ToString("N"));
    private readonly string _articles = Path.Combine(Path.GetTempPath(), "commentary-crash-articles-" + Guid.NewGuid().ToString("N"));
    private AzuriteProcess _azurite = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartAsync(_data);
        Directory.CreateDirectory(_articles);
        for (var i = 0; i < 4; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_articles, $"crash-article-{i}.md"),
                $"---\ntitle: Crash article {i}\nauthor: Test\npublished: 2026-01-0{i + 1}T00:00:00Z\n---\nBody {i}.\n");
        }
    }

    public async Task DisposeAsync()
    {
        await _azurite.DisposeAsync();
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_articles, recursive: true);
    }

    [Fact]
    public async Task Every_accepted_comment_is_stored_exactly_once_across_two_sigkills_and_nothing_unaccepted_is_stored()
    {
        await using var server = new ServerProcess(AzuriteProcess.FreePorts(1)[0], new Dictionary<string, string>
        {
            [StorageNames.ConnectionSetting] = _azurite.ConnectionString,
            ["Commentary:SampleArticles"] = _articles,
            ["RateLimiting:Comments:PermitsPerMinute"] = "0",
            ["Privacy:IpHashKey"] = "crash-test-ip-hash-key-0123456789",
            ["extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["extensions:queues:processingLease"] = "00:00:03",
            ["extensions:queues:visibilityTimeout"] = "00:00:00",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await server.StartAsync();

        using var client = new HttpClient { BaseAddress = server.ApiAddress, Timeout = TimeSpan.FromSeconds(10) };
        var accepted = new ConcurrentDictionary<int, string>();
        var interrupted = new Counter();
        var thresholds = new[] { Comments / 3, 2 * Comments / 3 };
        var reached = thresholds.ToDictionary(t => t, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var next = -1;

        async Task PostAll()
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < Comments)
            {
                accepted[n] = await PostUntilAnsweredAsync(client, n, interrupted);
                foreach (var (threshold, signal) in reached)
                {
                    if (accepted.Count >= threshold)
                    {
                        signal.TrySetResult();
                    }
                }
            }
        }

        var storage = StorageClients.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(
            [new KeyValuePair<string, string?>(StorageNames.ConnectionSetting, _azurite.ConnectionString)]).Build());
        var kills = new List<Kill>();
        var posting = Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(PostAll)));
        foreach (var threshold in thresholds)
        {
            // The posters say when that many comments have been accepted; a poster that failed ends the wait too.
            await Task.WhenAny(reached[threshold].Task, posting);
            var acceptedBefore = accepted.Count;
            var waiting = (await storage.Submissions.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            var interruptedBefore = interrupted.Value;
            var postingAtKill = !posting.IsCompleted;
            var exitCode = await server.KillAsync();
            await server.StartAsync();
            kills.Add(new Kill(exitCode, postingAtKill, acceptedBefore, waiting, interruptedBefore));
        }

        await posting;
        var acceptedIds = accepted.Values.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Comments, acceptedIds.Count);

        var stored = await Eventually.GetAsync(async () =>
        {
            var rows = await StoredCommentsAsync(storage);
            return rows.Count >= Comments ? rows : null;
        }, "every accepted comment to be stored", TimeSpan.FromMinutes(3));

        var counts = await CountsAsync(storage);
        output.WriteLine($"{Comments} accepted, {stored.Count} stored, {counts} counted, {interrupted.Value} posts cut off; kills: {string.Join("; ", kills)}.");

        // Each kill really was SIGKILL, of a server that was still running, while readers were still posting; at least
        // one found submissions on the queue, not yet done; and readers saw the server go away.
        Assert.All(kills, k => Assert.Equal(SigKillExitCode, k.ExitCode));
        Assert.All(kills, k => Assert.True(k.WhilePosting, $"The kill ({k}) came after the posting had ended."));
        Assert.Contains(kills, k => k.Waiting > 0);
        Assert.True(interrupted.Value > kills[0].Interrupted, "No reader's post was cut off by the kills.");

        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(acceptedIds.Order(StringComparer.Ordinal), stored.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal(Comments, counts);
    }

    /// <summary>One kill: the server's exit status, and the state of the run just before it.</summary>
    private sealed record Kill(int? ExitCode, bool WhilePosting, int Accepted, int Waiting, int Interrupted);

    /// <summary>Posts whose attempt found the server gone or lost its answer with the process.</summary>
    private sealed class Counter
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }

    /// <summary>What a careful client does: retry with the same Idempotency-Key until the server gives an answer.</summary>
    private static async Task<string> PostUntilAnsweredAsync(HttpClient client, int n, Counter interrupted)
    {
        var key = $"crash-{n}-{Guid.NewGuid():N}";
        var body = new { author = $"Reader {n}", email = $"reader{n}@example.com", body = $"Comment number {n} under test." };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"articles/crash-article-{n % 4}/comments") { Content = JsonContent.Create(body) };
                request.Headers.Add("Idempotency-Key", key);
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
                }

                if ((int)response.StatusCode is >= 400 and < 500 and not 404)
                {
                    throw new InvalidOperationException($"Comment {n} was refused: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (HttpRequestException)
            {
                // The server is down (killed); try again shortly.
                interrupted.Increment();
            }
            catch (TaskCanceledException)
            {
                // The answer died with the process.
                interrupted.Increment();
            }

            await Task.Delay(Math.Min(1000, 50 * (attempt + 1)));
        }
    }

    private static async Task<List<(string Slug, string Id)>> StoredCommentsAsync(StorageClients storage)
    {
        var rows = new List<(string, string)>();
        await foreach (var e in storage.Comments.QueryAsync<TableEntity>("RowKey lt '~'", select: ["PartitionKey", "RowKey"]))
        {
            rows.Add((e.PartitionKey, e.RowKey));
        }

        return rows;
    }

    private static async Task<int> CountsAsync(StorageClients storage)
    {
        var total = 0;
        await foreach (var e in storage.Comments.QueryAsync<TableEntity>($"RowKey eq '{ArticleCounts.RowKey}'"))
        {
            total += (e.GetInt32("Approved") ?? 0) + (e.GetInt32("Pending") ?? 0) + (e.GetInt32("Rejected") ?? 0);
        }

        return total;
    }
}
