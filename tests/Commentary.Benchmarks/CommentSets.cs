using System.Text;
using System.Text.Json;
using Commentary.Core.Moderation;
using Commentary.Core.Moderation.Classifier;

namespace Commentary.Benchmarks;

/// <summary>
/// The comments the benchmarks decide. "corpus" is the labelled corpus as written (short comments: legit, spam and
/// crisis, about 70 characters of body each); "long" joins its legitimate bodies into multi-paragraph comments of
/// about 2,500 characters, the size of a considered reply.
/// </summary>
public static class CommentSets
{
    public const string Corpus = "corpus";
    public const string LongReplies = "long";

    private const int LongBodyCharacters = 2500;
    private static readonly CommenterRecord Trusted = new(1, 0, 0);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<ModerationInput[]> CorpusInputs = new(LoadCorpus);
    private static readonly Lazy<ModerationInput[]> LongInputs = new(JoinLong);

    public static ModerationInput[] Get(string name) => name == LongReplies ? LongInputs.Value : CorpusInputs.Value;

    /// <summary>The mean UTF-8 size of a comment's text (author, email, website and body): what MB/s is counted in.</summary>
    public static double AverageBytes(string name) =>
        Get(name).Average(c => (double)(Encoding.UTF8.GetByteCount(c.Author) + Encoding.UTF8.GetByteCount(c.Email)
            + Encoding.UTF8.GetByteCount(c.Website ?? string.Empty) + Encoding.UTF8.GetByteCount(c.Body)));

    private static ModerationInput[] LoadCorpus()
    {
        var comments = JsonSerializer.Deserialize<LabelledComment[]>(OurCorpus.Json, Json)!;
        return [.. comments.Select(c => new ModerationInput(c.Author, c.Email, c.Website, c.Body, Trusted))];
    }

    private static ModerationInput[] JoinLong()
    {
        var legit = LoadCorpus().Zip(LoadLabels()).Where(p => p.Second == "legit").Select(p => p.First).ToArray();
        var joined = new List<ModerationInput>();
        var body = new StringBuilder();
        foreach (var comment in legit)
        {
            body.Append(body.Length == 0 ? string.Empty : "\n\n").Append(comment.Body);
            if (body.Length >= LongBodyCharacters)
            {
                joined.Add(comment with { Body = body.ToString() });
                body.Clear();
            }
        }

        return [.. joined];
    }

    private static string[] LoadLabels()
    {
        return [.. JsonSerializer.Deserialize<LabelledComment[]>(OurCorpus.Json, Json)!.Select(c => c.Label)];
    }

    private sealed record LabelledComment(string Label, string Author, string Email, string? Website, string Body);
}
