using Commentary.Core.Moderation.Akismet;

namespace Commentary.Tests.Moderation;

/// <summary>How Akismet's verdicts change a decision, how retries are spaced, and which settings are refused.</summary>
public sealed class AkismetRulesTests
{
    private static readonly ModerationReason Links = new("links", "2 links");

    private static ModerationDecision Approved() => new(CommentStatus.Approved, 0.1, []);

    [Fact]
    public void Ham_leaves_the_policys_decision_alone()
    {
        var decision = new ModerationDecision(CommentStatus.Pending, 2, [Links]);

        Assert.Same(decision, AkismetScreening.Apply(decision, AkismetVerdict.Ham));
    }

    [Fact]
    public void Spam_holds_an_approved_comment_and_adds_the_reason()
    {
        var held = AkismetScreening.Apply(Approved(), AkismetVerdict.Spam);

        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Equal([AkismetReasons.SpamRule], held.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void Discard_rejects_but_keeps_the_policys_own_reasons()
    {
        var rejected = AkismetScreening.Apply(new ModerationDecision(CommentStatus.Pending, 2, [Links]), AkismetVerdict.Discard);

        Assert.Equal(CommentStatus.Rejected, rejected.Status);
        Assert.Equal(["links", AkismetReasons.DiscardRule], rejected.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void Discard_of_an_urgent_comment_only_holds_it()
    {
        var crisis = new ModerationDecision(CommentStatus.Pending, 5, [new("crisis-language", "want to die")]) { Priority = CommentPriority.Urgent };

        var held = AkismetScreening.Apply(crisis, AkismetVerdict.Discard);

        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Equal(CommentPriority.Urgent, held.Priority);
        Assert.Equal(["crisis-language", AkismetReasons.SpamRule], held.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void No_answer_holds_and_never_approves()
    {
        var held = AkismetScreening.Apply(Approved(), AkismetVerdict.Unavailable);

        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Equal([AkismetReasons.UnavailableRule], held.Reasons.Select(r => r.Rule));
    }

    [Fact]
    public void Retries_wait_longer_each_time_up_to_the_longest_wait()
    {
        var options = new AkismetOptions { FirstRetryAfter = TimeSpan.FromMinutes(5), LongestRetryAfter = TimeSpan.FromHours(1) };

        Assert.Equal(
            [5, 10, 20, 40, 60, 60],
            Enumerable.Range(1, 6).Select(a => options.RetryDelay(a).TotalMinutes));
    }

    [Fact]
    public void The_default_retries_span_hours_not_minutes()
    {
        var options = new AkismetOptions();

        var total = Enumerable.Range(1, options.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (sum, a) => sum + options.RetryDelay(a));

        Assert.InRange(total, TimeSpan.FromHours(6), TimeSpan.FromHours(12));
    }

    [Fact]
    public void A_key_without_its_site_is_refused_and_no_key_means_off()
    {
        Assert.Empty(AkismetOptions.Problems(new AkismetOptions()));
        Assert.False(new AkismetOptions { SiteUrl = "https://example.org/" }.IsEnabled);

        var problems = AkismetOptions.Problems(new AkismetOptions { ApiKey = "abc123" }).ToArray();

        Assert.Contains(problems, p => p.Contains("SiteUrl", StringComparison.Ordinal));
        Assert.Empty(AkismetOptions.Problems(new AkismetOptions { ApiKey = "abc123", SiteUrl = "https://example.org/" }));
        Assert.NotEmpty(AkismetOptions.Problems(new AkismetOptions { ApiKey = "abc123", SiteUrl = "ftp://example.org/" }));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"kind\":\"delete\",\"slug\":\"a-slug\",\"id\":\"01JD0000000000000000000000\",\"attempt\":0}")]
    [InlineData("{\"kind\":\"recheck\",\"slug\":\"../etc\",\"id\":\"01JD0000000000000000000000\",\"attempt\":0}")]
    [InlineData("{\"kind\":\"recheck\",\"slug\":\"a-slug\",\"id\":\"x\",\"attempt\":0}")]
    public void Work_that_can_never_be_done_is_not_read(string text)
    {
        Assert.Null(AkismetWork.Parse(text));
    }

    [Fact]
    public void Work_survives_the_trip_through_the_queue()
    {
        var id = CommentId.New(TimeProvider.System);
        var work = new AkismetWork(AkismetWork.Recheck, "a-slug", id, 3) { Client = new ClientDetails("203.0.113.9", "Browser/1", null), ApproveWhenHam = true };

        Assert.Equal(work, AkismetWork.Parse(work.ToJson()));
    }
}
