using Commentary.Core.Moderation.Classifier;

namespace Commentary.Tests.Moderation.Classifier;

public sealed class OutOfDomainCheckTests
{
    private static readonly string[] Videos = ["youtube-01-rain", "youtube-02-sea", "youtube-03-hill"];
    private static readonly string[] Topics = ["guitar", "cooking", "travel", "gaming", "makeup", "fishing", "chess", "yoga"];

    [Fact]
    public void Each_video_is_measured_on_its_own_texts_outside_the_test_split_by_a_spam_score_that_never_saw_it()
    {
        var examples = TrainingData.Split(SmallData());

        var checks = OutOfDomainCheck.SpamByVideo(examples, ModerationModel.Shipped);

        Assert.Equal(Videos, checks.Select(c => c.Video));
        foreach (var check in checks)
        {
            var own = examples.Where(e => OutOfDomainCheck.Video(e) == check.Video && e.Part != SplitPart.Test).ToList();
            Assert.Equal(own.Count(e => e.Class == TextClass.Spam), check.Outcomes.Total("spam"));
            Assert.Equal(own.Count(e => e.Class == TextClass.Legitimate), check.Outcomes.Total("legitimate"));

            // The promotion is worded alike on every video, so a score trained on the other two still catches it.
            Assert.True(check.Outcomes.Share("spam", "published") < 0.5, $"{check.Video}: spam published {check.Outcomes.Share("spam", "published")}");
        }
    }

    [Fact]
    public void Only_youtube_texts_have_a_video()
    {
        Assert.Equal("youtube-02-sea", OutOfDomainCheck.Video(new TrainingExample("sub to me", TextClass.Spam, "spam-youtube/spam/youtube-02-sea")));
        Assert.Null(OutOfDomainCheck.Video(new TrainingExample("thanks", TextClass.Legitimate, "toxic-wikipedia/ham/all")));
    }

    private static IEnumerable<TrainingExample> SmallData()
    {
        foreach (var video in Videos)
        {
            for (var i = 0; i < 40; i++)
            {
                var topic = Topics[i % Topics.Length];
                yield return new TrainingExample($"check out my {topic} channel and subscribe, I sub back {i} {video}", TextClass.Spam, $"spam-youtube/spam/{video}");
                yield return new TrainingExample($"this {topic} song takes me back to summer {i} {video}", TextClass.Legitimate, $"spam-youtube/ham/{video}");
            }
        }

        for (var i = 0; i < 200; i++)
        {
            var topic = Topics[i % Topics.Length];
            yield return new TrainingExample($"I moved the {topic} section below the history, see the talk page {i}", TextClass.Legitimate, "toxic-wikipedia/ham/all");
        }
    }
}
