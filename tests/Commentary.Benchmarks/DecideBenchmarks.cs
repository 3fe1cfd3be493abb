using BenchmarkDotNet.Attributes;
using Commentary.Core.Moderation;
using Commentary.Core.Moderation.Policy;

namespace Commentary.Benchmarks;

/// <summary>
/// ModerationPolicy.Decide on realistic comments with the shipped settings, and with the blocked-term list made 10 and
/// 100 times longer with invented words, to show that the cost per comment does not grow with the lists.
/// Each operation decides one comment, cycling through the set, so the mean and the allocations are per comment.
/// </summary>
[MemoryDiagnoser]
public class DecideBenchmarks
{
    private ModerationInput[] _comments = [];
    private ModerationPolicy _policy = null!;
    private int _next;

    [Params(CommentSets.Corpus, CommentSets.LongReplies)]
    public string Comments { get; set; } = CommentSets.Corpus;

    [Params(1, 10, 100)]
    public int BlockedListScale { get; set; } = 1;

    [GlobalSetup]
    public void Setup()
    {
        _comments = CommentSets.Get(Comments);
        var settings = ModerationSettings.Defaults;
        settings.BlockedTerms.Terms = [.. InventedTerms.Grow(settings.BlockedTerms.Terms, BlockedListScale)];
        _policy = new ModerationPolicy(settings);
    }

    [Benchmark]
    public ModerationDecision Decide()
    {
        var comment = _comments[_next];
        _next = _next + 1 == _comments.Length ? 0 : _next + 1;
        return _policy.Decide(comment);
    }
}
