using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Commentary.Core.Articles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commentary.Bench;

/// <summary>
/// How soon the writer of a crisis comment sees help: from the POST to the first status answer that carries
/// <c>crisisResources</c>. Each sample is watched twice at once: by a poller on the widget's own schedule (what the
/// reader sees) and by one that asks every 50 ms (how soon the answer is there at all).
/// </summary>
public static class CrisisLatency
{
    // embed.js's POLL_DELAYS_SECONDS, first steps: the widget waits this long before each status request.
    private static readonly double[] WidgetDelays = [1, 1, 1, 2, 3, 5, 8, 13, 20, 30];
    private static readonly TimeSpan Tight = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<string> RunAsync(BenchStorage storage, string api, int count)
    {
        await new ArticleStore(storage.Clients, NullLogger<ArticleStore>.Instance)
            .AddIfMissingAsync(Seeding.PostTarget, Seeding.ArticleText(Seeding.PostTarget), CancellationToken.None);
        var widget = new List<double>();
        var answer = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var body = JsonSerializer.Serialize(new
            {
                author = "Bench Writer",
                email = $"writer{i}-{Guid.NewGuid():N}@example.com",
                body = $"I can't sleep again and honestly I want to die. Night {i}, {Guid.NewGuid():N}.",
            });
            var clock = Stopwatch.StartNew();
            using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
            using var posted = await Client.PostAsync($"{api}/api/articles/{Seeding.PostTarget}/comments", content);
            if (posted.StatusCode != HttpStatusCode.Accepted)
            {
                throw new HttpRequestException($"POST answered {(int)posted.StatusCode}");
            }

            var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            var status = $"{api}/api/articles/{Seeding.PostTarget}/comments/{id}?lang=en";
            var seen = await Task.WhenAll(WidgetAsync(status, clock), TightAsync(status, clock));
            widget.Add(seen[0]);
            answer.Add(seen[1]);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"RESULT widget_p50={Percentile(widget, 50):0.00} widget_p95={Percentile(widget, 95):0.00} widget_max={widget.Max():0.00} "
            + $"answer_p50={Percentile(answer, 50):0.00} answer_p95={Percentile(answer, 95):0.00} answer_max={answer.Max():0.00} samples={count}");
    }

    private static async Task<double> WidgetAsync(string status, Stopwatch clock)
    {
        var attempt = 0;
        while (clock.Elapsed < GiveUp)
        {
            await Task.Delay(TimeSpan.FromSeconds(WidgetDelays[Math.Min(attempt++, WidgetDelays.Length - 1)]));
            if (await HasResourcesAsync(status))
            {
                return clock.Elapsed.TotalSeconds;
            }
        }

        throw new TimeoutException("No crisis resources within a minute.");
    }

    private static async Task<double> TightAsync(string status, Stopwatch clock)
    {
        while (clock.Elapsed < GiveUp)
        {
            if (await HasResourcesAsync(status))
            {
                return clock.Elapsed.TotalSeconds;
            }

            await Task.Delay(Tight);
        }

        throw new TimeoutException("No crisis resources within a minute.");
    }

    private static async Task<bool> HasResourcesAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        return response.StatusCode == HttpStatusCode.OK
            && (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("crisisResources", out _);
    }

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
