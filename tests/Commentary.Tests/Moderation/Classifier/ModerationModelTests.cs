using Commentary.Core.Moderation.Classifier;

namespace Commentary.Tests.Moderation.Classifier;

public sealed class ModerationModelTests
{
    [Fact]
    public void The_shipped_model_loads_and_says_what_it_is()
    {
        var model = ModerationModel.Shipped;

        Assert.Equal("shipped", model.Manifest.Origin);
        // The three public data files and our corpus, each with the SHA-256 that reproduces it.
        Assert.Equal(["spam-youtube.jsonl", "toxic-wikipedia.jsonl", "crisis-reddit.jsonl", "corpus.json"], model.Manifest.TrainedOn.Select(s => s.Name));
        Assert.All(model.Manifest.TrainedOn, s => Assert.Equal(64, s.Sha256?.Length));
        Assert.Equal(["spam", "toxic", "crisis", "urgency", "personal"], model.Manifest.Evaluation.Select(e => e.Score));
    }

    [Theory]
    [InlineData("Subscribe to my channel! Check out my new video http://example.com/watch", ClassifierScore.Spam)]
    [InlineData("You are a worthless idiot, go to hell you stupid moron", ClassifierScore.Toxic)]
    [InlineData("I can't do this anymore. I've written my note and I don't want to wake up tomorrow.", ClassifierScore.Crisis)]
    [InlineData("I can't do this anymore. I've written my note and I don't want to wake up tomorrow.", ClassifierScore.Urgency)]
    public void Each_score_rises_on_what_it_is_for(string text, ClassifierScore expected)
    {
        var scores = ModerationModel.Shipped.Score(text);
        var calm = ModerationModel.Shipped.Score("Thank you for this article, the breathing exercise helped me sleep last night.");

        Assert.True(scores[expected] > 0.5, $"{expected} score {scores[expected]}");
        Assert.True(calm[expected] < 0.2, $"{expected} score of a calm comment {calm[expected]}");
    }

    [Fact]
    public void The_personal_score_tells_someone_writing_about_their_life_from_a_talk_page_comment()
    {
        var personal = ModerationModel.Shipped.Score("My sister and I fought again tonight and I ended up crying in my room for hours.");
        var talkPage = ModerationModel.Shipped.Score("The citation in the second paragraph does not support the claim; please see the archived discussion.");

        Assert.True(personal.Personal > 0.5, $"personal score {personal.Personal}");
        Assert.True(talkPage.Personal < 0.2, $"personal score of a talk-page comment {talkPage.Personal}");
    }

    [Fact]
    public void A_saved_model_loads_with_the_same_scores()
    {
        var model = ModerationModel.Shipped;

        var again = ModerationModel.Load(model.ToBytes());

        Assert.Equal(model.Version, again.Version);
        foreach (var text in new[] { "hello", "Check out my channel", "I want to die", string.Empty, new string('x', 9000) })
        {
            Assert.Equal(model.Score(text), again.Score(text));
        }
    }

    [Fact]
    public async Task Scores_do_not_depend_on_the_thread_or_the_comment_before()
    {
        var model = ModerationModel.Shipped;
        var first = model.Score("Great article, thanks");
        _ = model.Score(string.Concat(Enumerable.Repeat("a much longer comment with many words ", 50)));

        var elsewhere = await Task.Run(() => model.Score("Great article, thanks"));

        Assert.Equal(first, model.Score("Great article, thanks"));
        Assert.Equal(first, elsewhere);
    }

    [Theory]
    [InlineData("not a zip at all")]
    [InlineData("")]
    public void A_file_that_is_not_a_model_is_refused_with_a_reason(string content)
    {
        var e = Assert.Throws<InvalidModelException>(() => ModerationModel.Load(System.Text.Encoding.UTF8.GetBytes(content)));

        Assert.False(string.IsNullOrWhiteSpace(e.Message));
    }

    [Theory]
    [InlineData("feature version", "features version 99")]
    [InlineData("three-score format", "format 1")]
    [InlineData("four-score format", "format 2")]
    public void A_model_from_another_version_is_refused(string what, string expected)
    {
        var model = ModerationModel.Shipped;
        var foreign = model.With(what switch
        {
            "feature version" => model.Manifest with { FeatureVersion = 99 },
            "three-score format" => model.Manifest with { Format = 1 },
            _ => model.Manifest with { Format = 2 },
        });

        var e = Assert.Throws<InvalidModelException>(() => ModerationModel.Load(foreign.ToBytes()));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_model_is_refused()
    {
        var bytes = ModerationModel.Shipped.ToBytes();

        Assert.Throws<InvalidModelException>(() => ModerationModel.Load(bytes[..(bytes.Length / 2)]));
    }
}
