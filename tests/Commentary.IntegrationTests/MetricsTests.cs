using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Commentary.Core.Telemetry;

namespace Commentary.IntegrationTests;

/// <summary>The operator's numbers move when comments do.</summary>
[Collection(StorageTestGroup.Name)]
public sealed class MetricsTests(StorageFixture fixture)
{
    [Fact]
    public async Task Accepting_and_moderating_a_comment_is_counted_with_its_article_and_status_and_its_latency_recorded()
    {
        var seen = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CommentaryMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.Start();

        var slug = await fixture.Host.AddArticleAsync("metrics");
        var id = await fixture.Host.SubmitAsync(slug, "Metered", $"metered-{Guid.NewGuid():N}@example.com", "Counting this one.");
        await fixture.Host.StoredStatusAsync(slug, id);

        Assert.Contains(seen, m => m.Instrument == "commentary.comments.accepted" && Equals(m.Tags["article"], slug) && m.Value == 1);

        // The decision is counted just after the comment and its indexes are written.
        await Eventually.GetAsync(() => Task.FromResult(
            seen.Any(m => m.Instrument == "commentary.comments.decided" && Equals(m.Tags["article"], slug)) ? "counted" : null), "the decision to be counted");
        Assert.Contains(seen, m => m.Instrument == "commentary.comments.decided" && Equals(m.Tags["article"], slug) && Equals(m.Tags["status"], "pending"));
        Assert.Contains(seen, m => m.Instrument == "commentary.moderation.latency" && m.Value >= 0);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
