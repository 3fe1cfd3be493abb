using System.Diagnostics.Metrics;

namespace Commentary.Core.Telemetry;

/// <summary>
/// The numbers an operator watches, on the meter <c>Commentary</c>: comments accepted, approved, held, rejected and
/// poisoned, and how long a comment waited between its POST and its moderation decision. Both hosts export the meter
/// (Application Insights in Azure, OpenTelemetry in the self-host).
/// </summary>
public sealed class CommentaryMetrics
{
    public const string MeterName = "Commentary";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _decided;
    private readonly Counter<long> _poisoned;
    private readonly Histogram<double> _moderationLatency;

    public CommentaryMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _accepted = meter.CreateCounter<long>("commentary.comments.accepted", "{comment}", "Comments answered 202 Accepted.");
        _decided = meter.CreateCounter<long>("commentary.comments.decided", "{comment}", "Moderation decisions stored, by status (approved, pending = held, rejected).");
        _poisoned = meter.CreateCounter<long>("commentary.comments.poisoned", "{message}", "Submissions moved to the poison queue.");
        _moderationLatency = meter.CreateHistogram<double>("commentary.moderation.latency", "s", "Time from a comment's POST to its stored moderation decision.");
    }

    public void Accepted(string slug) => _accepted.Add(1, new KeyValuePair<string, object?>("article", slug));

    public void Decided(Comment comment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(comment);
        _decided.Add(1, new KeyValuePair<string, object?>("status", comment.Status.ToWire()), new KeyValuePair<string, object?>("article", comment.Slug));
        _moderationLatency.Record(Math.Max(0, (now - comment.Created).TotalSeconds), new KeyValuePair<string, object?>("status", comment.Status.ToWire()));
    }

    public void Poisoned(string reason) => _poisoned.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
