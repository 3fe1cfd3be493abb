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
}
