using System.Globalization;
using Commentary.Core.Moderation.Classifier;
using Xunit.Abstractions;

namespace Commentary.Tests.Moderation.Policy;

/// <summary>
/// The default policy against a corpus we wrote ourselves (<see cref="OurCorpus"/>): legitimate comments (angry,
/// grieving, clinical vocabulary, awkward names and places), spam and abuse (with the usual disguises) and crisis
/// language. Every commenter is treated as one with an approved comment, so the first-comment hold does not hide
/// what the content rules and the shipped classifier do.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    private const string Legit = "legit";
    private const string Spam = "spam";
    private const string Crisis = "crisis";

    private static readonly CommenterRecord Trusted = new(1, 0, 0);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<IReadOnlyList<(LabelledComment Comment, ModerationDecision Decision)>> Decided = new(Decide);

    private static IReadOnlyList<(LabelledComment Comment, ModerationDecision Decision)> Results => Decided.Value;

    [Fact]
    public void The_corpus_is_large_enough_to_mean_something()
    {
        Assert.True(Results.Count >= 150, $"only {Results.Count} comments");
        Assert.All(Results, r => Assert.Contains(r.Comment.Label, new[] { Legit, Spam, Crisis }));
        Assert.True(Results.Count(r => r.Comment.Label == Crisis) >= 15);
        output.WriteLine(ConfusionMatrix());
    }

    [Fact]
    public void No_legitimate_comment_is_rejected()
    {
        var rejected = Results.Where(r => r.Comment.Label == Legit && r.Decision.Status == CommentStatus.Rejected).ToArray();

        Assert.True(rejected.Length == 0, "Rejected: " + Describe(rejected));
    }

    [Fact]
    public void Few_legitimate_comments_are_held()
    {
        var legit = Results.Where(r => r.Comment.Label == Legit).ToArray();
        var held = legit.Where(r => r.Decision.Status == CommentStatus.Pending).ToArray();

        output.WriteLine($"{held.Length} of {legit.Length} legitimate comments held:");
        output.WriteLine(Describe(held));
        Assert.True(held.Length <= legit.Length / 10, $"{held.Length} of {legit.Length} held: " + Describe(held));
    }

    [Fact]
    public void At_least_95_percent_of_spam_and_abuse_is_not_approved()
    {
        var spam = Results.Where(r => r.Comment.Label == Spam).ToArray();
        var approved = spam.Where(r => r.Decision.Status == CommentStatus.Approved).ToArray();

        output.WriteLine($"{approved.Length} of {spam.Length} spam comments approved:");
        output.WriteLine(Describe(approved));
        Assert.True(approved.Length <= spam.Length * 0.05, $"{approved.Length} of {spam.Length} approved: " + Describe(approved));
    }

    [Fact]
    public void Every_crisis_comment_waits_as_urgent()
    {
        var missed = Results
            .Where(r => r.Comment.Label == Crisis && (r.Decision.Status != CommentStatus.Pending || r.Decision.Priority != CommentPriority.Urgent))
            .ToArray();

        Assert.True(missed.Length == 0, "Not urgent: " + Describe(missed));
    }

    [Fact]
    public void Only_crisis_language_is_urgent()
    {
        var urgent = Results.Where(r => r.Comment.Label != Crisis && r.Decision.Priority == CommentPriority.Urgent).ToArray();

        Assert.True(urgent.Length == 0, "Urgent: " + Describe(urgent));
    }

    private static IReadOnlyList<(LabelledComment, ModerationDecision)> Decide()
    {
        var comments = JsonSerializer.Deserialize<LabelledComment[]>(OurCorpus.Json, Json)!;
        var policy = new ModerationPolicy(ModerationSettings.Defaults);
        var model = ModerationModel.Shipped;
        return [.. comments.Select(c => (c, policy.Decide(new ModerationInput(c.Author, c.Email, c.Website, c.Body, Trusted)
        {
            Classifier = new ClassifierVerdict(model.Score(c.Body), model.Version),
        })))];
    }

    private static string Outcome(ModerationDecision decision) => decision switch
    {
        { Priority: CommentPriority.Urgent } => "urgent",
        { Status: CommentStatus.Approved } => "approved",
        { Status: CommentStatus.Pending } => "held",
        _ => "rejected",
    };

    private static string ConfusionMatrix()
    {
        string[] outcomes = ["approved", "held", "urgent", "rejected"];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"label",-8}{string.Join(string.Empty, outcomes.Select(o => $"{o,10}"))}{"total",10}");
        foreach (var label in new[] { Legit, Spam, Crisis })
        {
            var rows = Results.Where(r => r.Comment.Label == label).ToArray();
            var cells = outcomes.Select(o => rows.Count(r => Outcome(r.Decision) == o));
            text.AppendLine(CultureInfo.InvariantCulture, $"{label,-8}{string.Join(string.Empty, cells.Select(c => $"{c,10}"))}{rows.Length,10}");
        }

        text.Append("(held = pending, normal priority; urgent = pending, urgent priority)");
        return text.ToString();
    }

    private static string Describe(IEnumerable<(LabelledComment Comment, ModerationDecision Decision)> results) =>
        string.Join(Environment.NewLine, results.Select(r =>
            $"  [{Outcome(r.Decision)}] \"{r.Comment.Body}\" (by {r.Comment.Author}) — {string.Join("; ", r.Decision.Reasons.Select(x => x.Rule + ": " + x.Detail))}"));

    private sealed record LabelledComment(string Label, string Author, string Email, string? Website, string Body, string? Note);
}
