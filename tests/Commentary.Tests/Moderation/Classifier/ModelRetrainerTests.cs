using Commentary.Core.Comments;
using Commentary.Core.Moderation;
using Commentary.Core.Moderation.Akismet;
using Commentary.Core.Moderation.Classifier;

namespace Commentary.Tests.Moderation.Classifier;

public sealed class ModelRetrainerTests
{
    /// <summary>
    /// What each decided comment teaches the retrain: only a moderator's decisions, read from the status and its note;
    /// never the policy's, Akismet's, readers' or an import's, or the model would learn its own mistakes.
    /// </summary>
    [Theory]
    [InlineData(CommentStatus.Approved, "maya", null, TextClass.Legitimate)]
    [InlineData(CommentStatus.Rejected, "maya", "spam", TextClass.Spam)]
    [InlineData(CommentStatus.Rejected, "maya", "spam: the CalmLeaf campaign again", TextClass.Spam)]
    [InlineData(CommentStatus.Rejected, "maya", "Harassment of the author", TextClass.Toxic)]
    [InlineData(CommentStatus.Rejected, "maya", "Abusive to other readers", TextClass.Toxic)]
    [InlineData(CommentStatus.Rejected, "maya", "racist slur", TextClass.Toxic)]
    [InlineData(CommentStatus.Rejected, "maya", "Threatening", TextClass.Toxic)]
    [InlineData(CommentStatus.Rejected, "maya", "Off topic", null)]
    [InlineData(CommentStatus.Rejected, "maya", null, null)]
    [InlineData(CommentStatus.Pending, "maya", null, null)]
    [InlineData(CommentStatus.Approved, CommentModerator.PolicyActor, null, null)]
    [InlineData(CommentStatus.Rejected, CommentModerator.PolicyActor, "spam", null)]
    [InlineData(CommentStatus.Rejected, AkismetWorkProcessor.ActorName, "spam", null)]
    [InlineData(CommentStatus.Pending, ModerationActions.ReadersName, null, null)]
    [InlineData(CommentStatus.Approved, "import:disqus", null, null)]
    [InlineData(CommentStatus.Approved, null, null, null)]
    public void A_comment_teaches_only_what_a_moderator_decided(CommentStatus status, string? by, string? note, TextClass? expected)
    {
        var comment = new Comment
        {
            Slug = "an-article",
            Id = "01J0000000000000000000000A",
            Author = "Reader",
            Email = "reader@example.org",
            Body = "Some text.",
            Created = DateTimeOffset.UnixEpoch,
            Status = status,
            ModeratedBy = by,
            StatusNote = note,
        };

        Assert.Equal(expected, ModelRetrainer.Teaches(comment));
    }

    [Fact]
    public void A_training_set_is_known_by_its_texts_and_labels_not_their_order()
    {
        TrainingExample[] set =
        [
            new("Thank you, this helped.", TextClass.Legitimate, "site/legitimate"),
            new("CalmLeaf gummies, DM me for the discount", TextClass.Spam, "site/spam"),
            new("You are a clueless quack", TextClass.Toxic, "site/toxic") { Part = SplitPart.Test },
        ];
        var same = ModelRetrainer.TrainingSetOf(set);

        Assert.Matches("^[0-9a-f]{64}$", same);
        Assert.Equal(same, ModelRetrainer.TrainingSetOf(set.Reverse()));
        Assert.NotEqual(same, ModelRetrainer.TrainingSetOf([set[0], set[1] with { Class = TextClass.Legitimate }, set[2]]));
        Assert.NotEqual(same, ModelRetrainer.TrainingSetOf([set[0], set[1], set[2] with { Part = SplitPart.Train }]));
        Assert.NotEqual(same, ModelRetrainer.TrainingSetOf([set[0], set[1], set[2] with { Text = "You are a clueless quack!" }]));
        Assert.NotEqual(same, ModelRetrainer.TrainingSetOf(set[..2]));
    }
}
