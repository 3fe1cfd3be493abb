using BenchmarkDotNet.Attributes;
using Commentary.Core.Moderation;
using Commentary.Core.Moderation.Classifier;
using Commentary.Core.Moderation.Policy;

namespace Commentary.Benchmarks;

/// <summary>
/// The learned classifier beside the policy: scoring one comment (features and three dot products) for a typical
/// short comment and for a 500-character one, and loading the model file. <see cref="DecideBenchmarks"/> is the
/// baseline in the same run: the goal is scoring at 5,000 comments a second or more on one core, and a load under
/// 500 ms.
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private static readonly string Short = "Thank you for this. I read it at 4am last night and it helped me get back to sleep.";
    private ModerationModel _model = null!;
    private byte[] _file = [];
    private string _long = string.Empty;
    private ModerationPolicy _policy = null!;
    private ModerationInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = ModerationModel.Shipped;
        _file = _model.ToBytes();
        var words = "I have been reading about anxiety for weeks and this is the first article that made me feel understood, " +
            "especially the part about waking early and the racing thoughts that follow; my therapist says the same. ";
        _long = string.Concat(Enumerable.Repeat(words, 4))[..500];
        _policy = new ModerationPolicy(ModerationSettings.Defaults);
        _input = new ModerationInput("Ruth", "ruth@example.org", null, _long, new CommenterRecord(1, 0, 0));
    }

    [Benchmark]
    public ClassifierScores ScoreShortComment() => _model.Score(Short);

    [Benchmark]
    public ClassifierScores Score500Characters() => _model.Score(_long);

    [Benchmark(Baseline = true)]
    public ModerationDecision DecideRulesOnly500Characters() => _policy.Decide(_input);

    [Benchmark]
    public ModerationModel LoadModelFile() => ModerationModel.Load(_file);
}
