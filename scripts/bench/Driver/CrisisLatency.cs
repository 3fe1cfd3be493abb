using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

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
        var widget = new List<double>();
        var answer = new List<double>();
        await CrisisSampling.RunAsync(storage, Client, api, count, "writer", async (id, clock) =>
        {
            var status = $"{api}/api/articles/{Seeding.PostTarget}/comments/{id}?lang=en";
            var seen = await Task.WhenAll(WidgetAsync(status, clock), TightAsync(status, clock));
            widget.Add(seen[0]);
            answer.Add(seen[1]);
        });
        return string.Create(CultureInfo.InvariantCulture,
            $"RESULT {CrisisSampling.Summary("widget", widget)} {CrisisSampling.Summary("answer", answer)} samples={count}");
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
}
