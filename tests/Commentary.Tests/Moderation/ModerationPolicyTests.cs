using Commentary.Core.Comments;
using Commentary.Core.Moderation;
using Microsoft.Extensions.Options;

namespace Commentary.Tests.Moderation;

public class ModerationPolicyTests
{
    private static readonly CommenterRecord Regular = new(3, 0, 0);

    private static ModerationPolicy Policy(params string[] blocked) =>
        new(Options.Create(new ModerationPolicyOptions { BlockedTerms = [.. blocked] }));

    private static ModerationInput Input(string body, CommenterRecord? history = null, string author = "Ann") =>
        new(author, "ann@example.com", null, body, history ?? Regular);

    private static string[] Rules(ModerationDecision decision) => decision.Reasons.Select(r => r.Rule).ToArray();

    [Fact]
    public void A_regular_commenter_without_links_is_approved_with_no_reasons()
    {
        var decision = Policy("casino").Decide(Input("Thanks, this helped."));

        Assert.Equal(CommentStatus.Approved, decision.Status);
        Assert.Empty(decision.Reasons);
        Assert.Equal(0, decision.Score);
    }

    [Fact]
    public void A_comment_with_one_link_is_approved()
    {
        Assert.Equal(CommentStatus.Approved, Policy().Decide(Input("See https://a.example for more.")).Status);
    }

    [Fact]
    public void A_comment_with_two_links_is_held_for_review()
    {
        var decision = Policy().Decide(Input("See https://a.example and http://b.example/page"));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal([ModerationPolicy.LinksRule], Rules(decision));
        Assert.Equal("links", ModerationPolicy.LinksRule);
    }

    [Fact]
    public void Www_addresses_count_as_links()
    {
        var decision = Policy().Decide(Input("Try www.a.example or WWW.b.example"));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal(["links"], Rules(decision));
    }

    [Fact]
    public void A_higher_link_threshold_lets_two_links_through()
    {
        var policy = new ModerationPolicy(Options.Create(new ModerationPolicyOptions { HoldAtLinkCount = 3 }));

        Assert.Equal(CommentStatus.Approved, policy.Decide(Input("https://a.example https://b.example")).Status);
        Assert.Equal(CommentStatus.Pending, policy.Decide(Input("https://a.example https://b.example https://c.example")).Status);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("no links here", 0)]
    [InlineData("http://a.example https://b.example www.c.example", 3)]
    [InlineData("https://www.a.example counts once", 1)]
    public void CountLinks_counts_http_https_and_www_addresses(string body, int expected)
    {
        Assert.Equal(expected, ModerationPolicy.CountLinks(body));
    }

    [Fact]
    public void A_blocked_term_rejects_and_names_the_term()
    {
        var decision = Policy("casino bonus").Decide(Input("Grab your CASINO BONUS today"));

        Assert.Equal(CommentStatus.Rejected, decision.Status);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal("blocked-term", reason.Rule);
        Assert.Contains("casino bonus", reason.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_blocked_term_found_is_named()
    {
        var decision = Policy("casino", "pills", "lottery").Decide(Input("casino and pills"));

        var detail = Assert.Single(decision.Reasons).Detail;
        Assert.Contains("casino", detail, StringComparison.Ordinal);
        Assert.Contains("pills", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("lottery", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ass", "A thorough assessment of the options.")]
    [InlineData("ass", "Top of the class.")]
    [InlineData("ass", "The passage is long.")]
    [InlineData("ass", "Bass1 and mass2")]
    [InlineData("rapist", "My therapist recommended this post.")]
    [InlineData("casino bonus", "casino bonuses")]
    [InlineData("casino bonus", "the casino gave a bonus")]
    public void A_blocked_term_inside_another_word_does_not_match(string term, string body)
    {
        Assert.Equal(CommentStatus.Approved, Policy(term).Decide(Input(body)).Status);
    }

    [Theory]
    [InlineData("ass", "ass")]
    [InlineData("ass", "What an ASS.")]
    [InlineData("ass", "(ass)")]
    [InlineData("casino bonus", "CASINO BONUS today")]
    [InlineData("casino bonus", "Best casino bonus!")]
    [InlineData("Casino", "casino")]
    public void A_blocked_term_matches_as_a_whole_word_in_any_case(string term, string body)
    {
        var decision = Policy(term).Decide(Input(body));

        Assert.Equal(CommentStatus.Rejected, decision.Status);
        Assert.Equal(["blocked-term"], Rules(decision));
    }

    [Fact]
    public void A_blocked_term_in_the_author_name_rejects()
    {
        var decision = Policy("casino bonus").Decide(Input("Nice article.", author: "Casino Bonus King"));

        Assert.Equal(CommentStatus.Rejected, decision.Status);
    }

    [Fact]
    public void Blocked_terms_with_pattern_characters_match_literally()
    {
        var policy = Policy("c++", "a.b");

        Assert.Equal(CommentStatus.Rejected, policy.Decide(Input("I write c++ daily")).Status);
        Assert.Equal(CommentStatus.Approved, policy.Decide(Input("I write cpp daily")).Status);
        Assert.Equal(CommentStatus.Approved, policy.Decide(Input("axb is fine")).Status);
    }

    [Fact]
    public void Blank_blocked_terms_are_ignored()
    {
        Assert.Equal(CommentStatus.Approved, Policy("", "   ").Decide(Input("Perfectly ordinary comment.")).Status);
    }

    [Fact]
    public void A_first_comment_is_held_for_review()
    {
        var decision = Policy().Decide(Input("Hello, first time here.", CommenterRecord.None));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal(["first-comment"], Rules(decision));
    }

    [Fact]
    public void A_commenter_with_only_pending_or_rejected_comments_is_still_held()
    {
        var decision = Policy().Decide(Input("Trying again.", new CommenterRecord(0, 2, 1)));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal(["first-comment"], Rules(decision));
    }

    [Fact]
    public void Turning_off_first_comment_holds_approves_a_first_comment()
    {
        var policy = new ModerationPolicy(Options.Create(new ModerationPolicyOptions { HoldFirstComments = false }));

        var decision = policy.Decide(Input("Hello, first time here.", CommenterRecord.None));

        Assert.Equal(CommentStatus.Approved, decision.Status);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void Reject_wins_over_hold_and_every_reason_is_kept()
    {
        var decision = Policy("casino").Decide(Input("casino https://a.example https://b.example", CommenterRecord.None));

        Assert.Equal(CommentStatus.Rejected, decision.Status);
        Assert.Equal(["blocked-term", "links", "first-comment"], Rules(decision));
    }

    [Fact]
    public void The_score_rises_with_each_reason()
    {
        var policy = Policy("casino");

        var scores = new[]
        {
            policy.Decide(Input("plain", Regular)).Score,
            policy.Decide(Input("plain", CommenterRecord.None)).Score,
            policy.Decide(Input("https://a.example https://b.example", CommenterRecord.None)).Score,
            policy.Decide(Input("casino https://a.example https://b.example", CommenterRecord.None)).Score,
        };

        Assert.Equal(0, scores[0]);
        Assert.All(scores.Zip(scores.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.Second} should exceed {pair.First}"));
    }
}
