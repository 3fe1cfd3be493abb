using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commentary.Core.Articles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commentary.Bench;

/// <summary>
/// The sampling loop the crisis benchmarks share: one crisis comment at a time is posted to the bench article, and
/// the caller measures what follows from the POST's start (its own clock) before the next is sent, so each sample
/// is the pipeline's own latency.
/// </summary>
internal static class CrisisSampling
{
    public static async Task RunAsync(
        BenchStorage storage, HttpClient client, string api, int count, string emailPrefix, Func<string, Stopwatch, Task> measure)
    {
        await new ArticleStore(storage.Clients, NullLogger<ArticleStore>.Instance)
            .AddIfMissingAsync(Seeding.PostTarget, Seeding.ArticleText(Seeding.PostTarget), CancellationToken.None);
        for (var i = 0; i < count; i++)
        {
            var body = JsonSerializer.Serialize(new
            {
                author = "Bench Writer",
                email = $"{emailPrefix}{i}-{Guid.NewGuid():N}@example.com",
                body = $"I can't sleep again and honestly I want to die. Night {i}, {Guid.NewGuid():N}.",
            });
            var clock = Stopwatch.StartNew();
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var posted = await client.PostAsync($"{api}/api/articles/{Seeding.PostTarget}/comments", content);
            if (posted.StatusCode != HttpStatusCode.Accepted)
            {
                throw new HttpRequestException($"POST answered {(int)posted.StatusCode}");
            }

            var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            await measure(id, clock);
        }
    }

    /// <summary>"name_p50=… name_p95=… name_max=…" in seconds, as run.sh reads a RESULT line.</summary>
    public static string Summary(string name, IReadOnlyList<double> seconds) => string.Create(CultureInfo.InvariantCulture,
        $"{name}_p50={Percentile(seconds, 50):0.00} {name}_p95={Percentile(seconds, 95):0.00} {name}_max={seconds.Max():0.00}");

    private static double Percentile(IReadOnlyList<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
