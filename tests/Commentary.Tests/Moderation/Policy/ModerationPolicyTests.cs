using Commentary.Core.Moderation.Classifier;

namespace Commentary.Tests.Moderation.Policy;

public class ModerationPolicyTests
{
    private static readonly CommenterRecord Regular = new(3, 0, 0);
    private static readonly ModerationPolicy Default = new(ModerationSettings.Defaults);

    public static TheoryData<string> RuleNames => [.. Cases.Keys];

    /// <summary>For each rule: a comment that trips it and nothing else, and the status it should get.</summary>
    private static Dictionary<string, (ModerationInput Input, CommentStatus Status, Action<ModerationSettings> SwitchOff)> Cases => new()
    {
        [ModerationRules.BlockedTerm] = (Input("Get your CASINO BONUS today."), CommentStatus.Rejected, s => s.BlockedTerms.Enabled = false),
        [ModerationRules.SuspectTerm] = (Input("This is bullshit."), CommentStatus.Pending, s => s.SuspectTerms.Enabled = false),
        [ModerationRules.Links] = (Input("See https://a.example and https://b.example, both worth reading for anyone who struggles."), CommentStatus.Pending, s => s.Links.Enabled = false),
        [ModerationRules.SpamPhrase] = (Input("Click here for the best price"), CommentStatus.Pending, s => s.SpamPhrases.Enabled = false),
        [ModerationRules.Shouting] = (Input("THIS ARTICLE IS ABSOLUTELY WRONG AND YOU KNOW IT"), CommentStatus.Pending, s => s.Shouting.Enabled = false),
        [ModerationRules.RepeatedCharacters] = (Input("Why?????????????"), CommentStatus.Pending, s => s.RepeatedCharacters.Enabled = false),
        [ModerationRules.MostlyLink] = (Input("https://spam.example/landing/page"), CommentStatus.Pending, s => s.MostlyLink.Enabled = false),
        [ModerationRules.SuspiciousAuthor] = (Input("Nice article.", author: "Best SEO Agency"), CommentStatus.Pending, s => s.SuspiciousAuthor.Enabled = false),
        [ModerationRules.DisposableEmail] = (Input("Nice article.", email: "someone@mailinator.com"), CommentStatus.Pending, s => s.DisposableEmail.Enabled = false),
        [ModerationRules.Duplicate] = (Input("Nice article.", signals: new(true, 0, 0, null)), CommentStatus.Rejected, s => s.Duplicates.Enabled = false),
        [ModerationRules.Flood] = (Input("Nice article.", signals: new(false, 6, 0, null)), CommentStatus.Pending, s => s.Flood.Enabled = false),
        [ModerationRules.FirstComment] = (Input("Nice article.", history: CommenterRecord.None), CommentStatus.Pending, s => s.FirstComment.Enabled = false),
        [ModerationRules.Banned] = (Input("Nice article.", signals: new(false, 0, 0, "abusive")), CommentStatus.Rejected, s => s.Bans.Enabled = false),
        [ModerationRules.CrisisLanguage] = (Input("Some days I want to die."), CommentStatus.Pending, s => s.CrisisLanguage.Enabled = false),
        [ModerationRules.PersonalData] = (Input("Call me on 07700 900123"), CommentStatus.Pending, s => s.PersonalData.Enabled = false),
        [ModerationRules.SpamClassifier] = (Input("Nice article.", classifier: Scored(spam: 0.95)), CommentStatus.Rejected, s => s.Classifier.Spam.Enabled = false),
        [ModerationRules.ToxicClassifier] = (Input("Nice article.", classifier: Scored(toxic: 0.985)), CommentStatus.Pending, s => s.Classifier.Toxic.Enabled = false),
        [ModerationRules.CrisisClassifier] = (Input("Nice article.", classifier: Scored(crisis: 0.9)), CommentStatus.Pending, s => s.Classifier.Crisis.Enabled = false),
        [ModerationRules.ClassifierUnavailable] = (Input("Nice article.", classifier: ClassifierVerdict.Unavailable("test")), CommentStatus.Pending, s =>
        {
            s.Classifier.Spam.Enabled = false;
            s.Classifier.Toxic.Enabled = false;
            s.Classifier.Crisis.Enabled = false;
        }
        ),
    };

    private static ClassifierVerdict Scored(double spam = 0, double toxic = 0, double crisis = 0, double urgency = 0, double personal = 0) => new(new ClassifierScores(spam, toxic, crisis, urgency, personal), "test-model");

    private static ModerationInput Input(
        string body,
        string author = "Ann",
        string email = "ann@example.com",
        string? website = null,
        CommenterRecord? history = null,
        ModerationSignals? signals = null,
        ClassifierVerdict? classifier = null) =>
        new(author, email, website, body, history ?? Regular) { Signals = signals ?? ModerationSignals.None, Classifier = classifier };

    private static ModerationPolicy Policy(Action<ModerationSettings> change)
    {
        var settings = ModerationSettings.Defaults;
        change(settings);
        return new ModerationPolicy(settings);
    }

    private static string[] Rules(ModerationDecision decision) => [.. decision.Reasons.Select(r => r.Rule)];

    [Fact]
    public void A_regular_commenter_with_an_ordinary_comment_is_approved_with_no_reasons()
    {
        var decision = Default.Decide(Input("Thanks, this helped. My therapist said the same about the assessment."));

        Assert.Equal(CommentStatus.Approved, decision.Status);
        Assert.Empty(decision.Reasons);
        Assert.Equal(0, decision.Score);
        Assert.Equal(CommentPriority.Normal, decision.Priority);
    }

    [Fact]
    public void Every_rule_has_a_case_here()
    {
        var constants = typeof(ModerationRules).GetFields().Select(f => (string)f.GetValue(null)!);

        Assert.Equal(constants.Order(), Cases.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Each_rule_fires_on_its_own_and_names_itself(string rule)
    {
        var (input, status, _) = Cases[rule];

        var decision = Default.Decide(input);

        Assert.Equal(status, decision.Status);
        var reason = Assert.Single(decision.Reasons);
        Assert.Equal(rule, reason.Rule);
        Assert.False(string.IsNullOrWhiteSpace(reason.Detail));
    }

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Each_rule_can_be_switched_off(string rule)
    {
        var (input, _, switchOff) = Cases[rule];

        var decision = Policy(switchOff).Decide(input);

        Assert.Equal(CommentStatus.Approved, decision.Status);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void Reasons_say_what_was_found_and_what_it_does()
    {
        var blocked = Default.Decide(Input("Get your CASINO BONUS today.")).Reasons[0].Detail;
        var links = Default.Decide(Input("See https://a.example and https://b.example")).Reasons[0].Detail;
        var crisis = Default.Decide(Input("I want to die")).Reasons[0].Detail;

        Assert.Equal("Contains blocked term \"casino bonus\"; a blocked term rejects a comment.", blocked);
        Assert.Equal("Has 2 links in the comment; 2 or more hold a comment, 10 or more reject it.", links);
        Assert.Equal("Crisis language: \"want to die\". Waiting as urgent for a person to read; never rejected or published automatically.", crisis);
    }

    [Fact]
    public void A_blocked_term_in_the_author_name_rejects_and_says_where_it_was()
    {
        var decision = Default.Decide(Input("Nice article.", author: "Casino Bonus King"));

        Assert.Equal(CommentStatus.Rejected, decision.Status);
        Assert.Contains("\"casino bonus\" (in the name)", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_hold_at_the_hold_count_and_reject_at_the_reject_count()
    {
        Assert.Equal(CommentStatus.Approved, Default.Decide(Input("See https://a.example for more.")).Status);
        Assert.Equal(CommentStatus.Pending, Default.Decide(Input("a.com b.com c.com d.com")).Status);

        // A reader's list of sources or helplines waits for a person; only a link farm is rejected for its links.
        var sources = Default.Decide(Input("Sources: a.com b.com c.com d.com e.com f.com g.com h.com i.com"));
        Assert.Equal(CommentStatus.Pending, sources.Status);
        var ten = Default.Decide(Input("a.com b.com c.com d.com e.com f.com g.com h.com i.com j.com"));
        Assert.Equal(CommentStatus.Rejected, ten.Status);
        Assert.Equal(ModerationRules.Links, ten.Reasons[0].Rule);
    }

    [Fact]
    public void A_link_from_a_new_commenter_is_held_even_with_the_first_comment_hold_off()
    {
        var policy = Policy(s => s.FirstComment.Enabled = false);
        var body = "I found this page useful when my sister was unwell: https://help.example/carers";

        var stranger = policy.Decide(Input(body, history: new CommenterRecord(0, 2, 1)));
        Assert.Equal(CommentStatus.Pending, stranger.Status);
        Assert.Equal([ModerationRules.Links], Rules(stranger));
        Assert.Contains("no approved comment yet", stranger.Reasons[0].Detail, StringComparison.Ordinal);

        Assert.Equal(CommentStatus.Approved, policy.Decide(Input(body, history: new CommenterRecord(1, 0, 0))).Status);
        Assert.Equal(CommentStatus.Approved, policy.Decide(Input("No links here, just thanks.", history: CommenterRecord.None)).Status);
        // The website field is where a commenter's own blog goes; only links in the comment count for a stranger.
        Assert.Equal(CommentStatus.Approved, policy.Decide(Input("Thank you for this.", website: "https://ann.example", history: CommenterRecord.None)).Status);
    }

    [Fact]
    public void The_new_commenter_link_rule_is_off_when_it_equals_the_hold_count()
    {
        var policy = Policy(s => (s.FirstComment.Enabled, s.Links.NewCommenterHoldAt) = (false, s.Links.HoldAt));

        Assert.Equal(CommentStatus.Approved, policy.Decide(Input("I found this page useful when my sister was unwell: https://help.example/carers", history: CommenterRecord.None)).Status);
    }

    [Fact]
    public void Link_thresholds_are_configurable()
    {
        var policy = Policy(s => (s.Links.HoldAt, s.Links.RejectAt, s.MostlyLink.Enabled) = (3, 4, false));

        Assert.Equal(CommentStatus.Approved, policy.Decide(Input("https://a.example https://b.example")).Status);
        Assert.Equal(CommentStatus.Pending, policy.Decide(Input("https://a.example https://b.example https://c.example")).Status);
        Assert.Equal(CommentStatus.Rejected, policy.Decide(Input("a.com b.com c.com d.com")).Status);
    }

    [Fact]
    public void A_single_disguised_link_is_held()
    {
        var decision = Default.Decide(Input("Lots more on this at example [dot] com if you are interested in the subject"));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal([ModerationRules.Links], Rules(decision));
        Assert.Contains("dodge", decision.Reasons[0].Detail, StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Approved, Default.Decide(Input("Lots more on this at example.com if you are interested in the subject")).Status);
    }

    [Fact]
    public void The_website_field_counts_as_a_link()
    {
        var decision = Default.Decide(Input("More at https://a.example", website: "https://me.example"));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal("Has 2 links in the comment and the website field; 2 or more hold a comment, 10 or more reject it.", decision.Reasons[0].Detail);
        Assert.Equal(CommentStatus.Approved, Default.Decide(Input("No links.", website: "https://me.example")).Status);
    }

    [Theory]
    [InlineData("Hey guys check out my channel, I make covers", CommentStatus.Pending)]
    [InlineData("PLEASE SUBSCRIBE to my channel and sub back!! my new song is up", CommentStatus.Rejected)]
    [InlineData("My therapist said I should subscribe to a mindfulness newsletter; it helped.", CommentStatus.Approved)]
    public void Self_promotion_is_a_stock_spam_phrase(string body, CommentStatus expected)
    {
        Assert.Equal(expected, Default.Decide(Input(body)).Status);
    }

    [Theory]
    [InlineData("Drop dead, nobody here wants you.", CommentStatus.Pending, CommentPriority.Normal)]
    [InlineData("People like you should be shot.", CommentStatus.Pending, CommentPriority.Normal)]
    [InlineData("I just want to sleep and never wake up.", CommentStatus.Pending, CommentPriority.Urgent)]
    [InlineData("I'm so tired of everything, I should just die.", CommentStatus.Pending, CommentPriority.Urgent)]
    [InlineData("I'll find you the study I mentioned and cut you a link to it.", CommentStatus.Approved, CommentPriority.Normal)]
    public void Death_wishes_are_held_and_wishing_oneself_dead_is_urgent(string body, CommentStatus status, CommentPriority priority)
    {
        var decision = Default.Decide(Input(body));

        Assert.Equal(status, decision.Status);
        Assert.Equal(priority, decision.Priority);
    }

    // Plain ways of saying it, and the words people use online to get past filters of the word "suicide" ("unalive",
    // "sewerslide"), are crisis language for the rules themselves: urgent even with the classifier off or unable to score.
    [Theory]
    [InlineData("I keep thinking about how to unalive myself.")]
    [InlineData("Been having thoughts of sewerslide again this week.")]
    [InlineData("Honestly I don't want to exist any more.")]
    [InlineData("I'm so tired of being alive.")]
    public void Other_ways_of_saying_suicide_are_crisis_language(string body)
    {
        var decision = Default.Decide(Input(body));

        Assert.Contains(decision.Reasons, r => r.Rule == "crisis-language");
        Assert.Equal(CommentPriority.Urgent, decision.Priority);
    }

    [Fact]
    public void Enough_spam_phrases_reject()
    {
        var decision = Default.Decide(Input("Click here, buy now, best price!"));

        Assert.Equal(CommentStatus.Rejected, decision.Status);
        Assert.StartsWith("Contains 3 stock spam phrases:", decision.Reasons[0].Detail, StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Pending, Policy(s => s.SpamPhrases.RejectAt = 4).Decide(Input("Click here, buy now, best price!")).Status);
        Assert.Equal(CommentStatus.Approved, Policy(s => s.SpamPhrases.HoldAt = 2).Decide(Input("Click here")).Status);
    }

    [Fact]
    public void Shouting_says_how_much_was_in_capitals()
    {
        var decision = Default.Decide(Input("THIS ARTICLE IS ABSOLUTELY WRONG AND YOU KNOW IT"));

        Assert.Equal("100% of its 40 letters are capitals; 70% or more holds a comment of 30 letters or more.", decision.Reasons[0].Detail);
    }

    [Fact]
    public void Shouting_needs_a_body_long_enough_to_judge()
    {
        Assert.Equal(CommentStatus.Approved, Default.Decide(Input("OK, THANK YOU NHS!")).Status);
        Assert.Equal(CommentStatus.Pending, Policy(s => s.Shouting.MinLetters = 10).Decide(Input("OK, THANK YOU NHS!")).Status);
        Assert.Equal(CommentStatus.Approved, Policy(s => s.Shouting.CapitalShare = 0.95).Decide(Input("THIS ARTICLE IS ABSOLUTELY WRONG AND YOU KNOW IT, really")).Status);
    }

    [Fact]
    public void The_repeated_character_run_length_is_configurable()
    {
        Assert.Equal(CommentStatus.Approved, Default.Decide(Input("Nooooooo, that is sad")).Status);
        Assert.Equal(CommentStatus.Pending, Policy(s => s.RepeatedCharacters.RunLength = 5).Decide(Input("Nooooooo, that is sad")).Status);
        // Invisible characters do not break a run up.
        Assert.Equal(CommentStatus.Pending, Default.Decide(Input("!!!!!\u200B!!!!!\u200B!!")).Status);
    }

    [Fact]
    public void A_comment_with_a_link_and_enough_words_is_not_mostly_a_link()
    {
        var decision = Default.Decide(Input("The NHS page on sleep helped me more than anything else: https://www.nhs.uk/live-well/sleep-and-tiredness/"));

        Assert.Equal(CommentStatus.Approved, decision.Status);
    }

    [Theory]
    [InlineData("George Best", false)]
    [InlineData("Dick Cockburn", false)]
    [InlineData("www.cheap-stuff.example", true)]
    [InlineData("bestdeals.com", true)]
    [InlineData("Buy Cheap Essays", true)]
    [InlineData("Mary Anne Louise de la Cruz Smith", true)]
    public void An_author_name_that_is_an_address_or_keywords_is_held(string author, bool held)
    {
        var decision = Default.Decide(Input("Nice article.", author: author));

        Assert.Equal(held ? [ModerationRules.SuspiciousAuthor] : [], Rules(decision));
    }

    [Fact]
    public void Subdomains_of_a_disposable_mail_service_count()
    {
        Assert.Equal([ModerationRules.DisposableEmail], Rules(Default.Decide(Input("Nice.", email: "x@eu.MAILINATOR.com"))));
        Assert.Empty(Rules(Default.Decide(Input("Nice.", email: "x@notmailinator.com"))));
    }

    [Fact]
    public void Flood_holds_only_above_the_configured_counts()
    {
        Assert.Equal(CommentStatus.Approved, Default.Decide(Input("Hi.", signals: new(false, 5, 10, null))).Status);
        var both = Default.Decide(Input("Hi.", signals: new(false, 6, 11, null)));
        Assert.Equal([ModerationRules.Flood, ModerationRules.Flood], Rules(both));
        Assert.Equal(CommentStatus.Approved, Policy(s => s.Flood.MaxRecentFromEmail = 6).Decide(Input("Hi.", signals: new(false, 6, 0, null))).Status);
    }

    [Fact]
    public void Flood_needs_counts_only_one_past_its_limits_and_says_so_as_a_lower_bound()
    {
        var policy = Policy(s =>
        {
            s.Flood.MaxRecentFromEmail = 3;
            s.Flood.MaxRecentFromIp = 7;
        });
        Assert.Equal(new FloodCounts(4, 8), policy.FloodCountsNeeded);

        // A count that stopped at the limit + 1 is enough to hold, and the reason does not claim it is the total.
        var held = policy.Decide(Input("Hi.", signals: new(false, 0, policy.FloodCountsNeeded.FromIp, null)));
        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Contains(held.Reasons, r => r.Detail.StartsWith("8 or more recent comments from this IP address", StringComparison.Ordinal));
    }

    [Fact]
    public void A_commenter_with_only_pending_or_rejected_comments_is_still_held()
    {
        var decision = Default.Decide(Input("Trying again.", history: new CommenterRecord(0, 2, 1)));

        Assert.Equal([ModerationRules.FirstComment], Rules(decision));
    }

    [Fact]
    public void A_ban_rejects_and_gives_its_reason()
    {
        var decision = Default.Decide(Input("Hi.", signals: new(false, 0, 0, "repeated abuse")));

        Assert.Equal(CommentStatus.Rejected, decision.Status);
        Assert.Contains("repeated abuse", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I want to die")]
    [InlineData("i w4nt t0 d1e")]
    [InlineData("Everyone would be better off without me.")]
    [InlineData("I am going to k i l l m y s e l f")]
    [InlineData("There is no reason to live anymore")]
    [InlineData("i just want to end it all")]
    public void Crisis_language_waits_as_urgent(string body)
    {
        var decision = Default.Decide(Input(body));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal(CommentPriority.Urgent, decision.Priority);
        Assert.Equal(ModerationRules.CrisisLanguage, decision.Reasons[0].Rule);
    }

    [Theory]
    [InlineData("I want to die, you fucking nigger.", null)]
    [InlineData("I want to die", "duplicate")]
    [InlineData("I want to die", "banned")]
    [InlineData("I want to die https://a.com https://b.com https://c.com https://d.com https://e.com https://f.com https://g.com https://h.com https://i.com https://j.com", null)]
    public void Crisis_language_is_never_rejected(string body, string? signal)
    {
        var signals = signal switch
        {
            "duplicate" => new ModerationSignals(true, 0, 0, null),
            "banned" => new ModerationSignals(false, 0, 0, "spam"),
            _ => ModerationSignals.None,
        };

        var decision = Default.Decide(Input(body, signals: signals));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal(CommentPriority.Urgent, decision.Priority);
        Assert.Equal(ModerationRules.CrisisLanguage, decision.Reasons[0].Rule);
        Assert.Contains("would otherwise have been rejected", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Crisis_language_from_a_trusted_commenter_is_still_not_approved_automatically()
    {
        var decision = Policy(s => s.FirstComment.Enabled = false).Decide(Input("Honestly I don't want to live like this"));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal(CommentPriority.Urgent, decision.Priority);
    }

    [Fact]
    public void Crisis_words_in_the_author_name_do_not_make_a_comment_urgent()
    {
        Assert.Equal(CommentPriority.Normal, Default.Decide(Input("Nice article.", author: "Want To Die")).Priority);
    }

    [Fact]
    public void Reject_wins_over_hold_and_reasons_come_strongest_first()
    {
        var decision = Default.Decide(Input("This is bullshit, casino bonus, see https://a.example and https://b.example if you care to", history: CommenterRecord.None));

        Assert.Equal(CommentStatus.Rejected, decision.Status);
        Assert.Equal([ModerationRules.BlockedTerm, ModerationRules.SuspectTerm, ModerationRules.Links, ModerationRules.FirstComment], Rules(decision));
    }

    [Fact]
    public void The_score_rises_with_each_reason()
    {
        var scores = new[]
        {
            Default.Decide(Input("plain", history: Regular)).Score,
            Default.Decide(Input("plain", history: CommenterRecord.None)).Score,
            Default.Decide(Input("https://a.example https://b.example and words", history: CommenterRecord.None)).Score,
            Default.Decide(Input("casino bonus https://a.example https://b.example and words", history: CommenterRecord.None)).Score,
            Default.Decide(Input("casino bonus https://a.example https://b.example and words", history: CommenterRecord.None) with { Signals = new(true, 0, 0, null) }).Score,
        };

        Assert.Equal(0, scores[0]);
        Assert.All(scores.Zip(scores.Skip(1)), pair => Assert.True(pair.Second > pair.First, $"{pair.Second} should exceed {pair.First}"));
    }

    [Fact]
    public void Editing_the_settings_after_building_a_policy_changes_nothing()
    {
        var settings = ModerationSettings.Defaults;
        var policy = new ModerationPolicy(settings);

        settings.BlockedTerms.Terms.Clear();

        Assert.Equal(CommentStatus.Rejected, policy.Decide(Input("casino bonus")).Status);
    }

    [Fact]
    public void Settings_with_problems_are_refused()
    {
        var settings = ModerationSettings.Defaults;
        settings.Links.HoldAt = 0;

        var error = Assert.Throws<ArgumentException>(() => new ModerationPolicy(settings));

        Assert.Contains("links.holdAt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_integration_tests_inputs_get_the_answers_they_expect()
    {
        Assert.Equal([ModerationRules.FirstComment], Rules(Default.Decide(Input("Hello, this is fine.", history: CommenterRecord.None))));
        Assert.Equal(CommentStatus.Pending, Default.Decide(Input("See https://a.example and https://b.example for more.")).Status);
        Assert.Equal(CommentStatus.Rejected, Default.Decide(Input("Get your CASINO BONUS today.")).Status);
        Assert.Equal(CommentStatus.Approved, Default.Decide(Input("<img src=x onerror=alert(1)> <script>alert(2)</script>")).Status);
    }

    public static TheoryData<string, string, double, string, CommentStatus> NamedGroupCases => new()
    {
        // why, body, toxic score, author, expected
        { "hostility towards a people is held from the lower threshold", "Albanians are all liars and thieves.", 0.6, "Ann", CommentStatus.Pending },
        { "the same score with no group named is published", "You are all liars and thieves.", 0.6, "Ann", CommentStatus.Approved },
        { "naming a group with a mild score is published", "As a gay man I found this article kind.", 0.2, "Ann", CommentStatus.Approved },
        { "a group in the author's name is not a group the body names", "You are all liars and thieves.", 0.6, "Gay Times", CommentStatus.Approved },
        { "a two-word group term counts", "White people ruin everything here.", 0.5, "Ann", CommentStatus.Pending },
    };

    [Theory]
    [MemberData(nameof(NamedGroupCases))]
    public void The_toxic_score_holds_from_a_lower_threshold_when_the_body_names_a_group(string why, string body, double toxic, string author, CommentStatus expected)
    {
        var decision = Default.Decide(Input(body, author: author, classifier: Scored(toxic: toxic)));

        Assert.True(expected == decision.Status, why);
        if (expected == CommentStatus.Pending)
        {
            var reason = Assert.Single(decision.Reasons);
            Assert.Equal(ModerationRules.ToxicClassifier, reason.Rule);
            Assert.Contains("names a group", reason.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("group terms off")]
    [InlineData("toxic score off")]
    [InlineData("lower threshold at the toxic threshold")]
    public void The_lower_threshold_for_named_groups_can_be_switched_off(string how)
    {
        var policy = Policy(s =>
        {
            switch (how)
            {
                case "group terms off": s.GroupTerms.Enabled = false; break;
                case "toxic score off": s.Classifier.Toxic.Enabled = false; break;
                default: s.Classifier.Toxic.NamedGroupHoldAt = s.Classifier.Toxic.HoldAt; break;
            }
        });

        var decision = policy.Decide(Input("Albanians are all liars and thieves.", classifier: Scored(toxic: 0.6)));

        Assert.Equal(CommentStatus.Approved, decision.Status);
    }

    [Theory]
    [InlineData("a possible crisis that is also urgent", 0.9, 0.9, 0.0, CommentStatus.Pending, CommentPriority.Urgent)]
    [InlineData("a possible crisis that is not urgent", 0.9, 0.1, 0.0, CommentStatus.Pending, CommentPriority.Normal)]
    [InlineData("urgency alone, in a text that is not a personal post", 0.1, 0.99, 0.2, CommentStatus.Approved, CommentPriority.Normal)]
    [InlineData("both at exactly their thresholds", 0.24, 0.5, 0.0, CommentStatus.Pending, CommentPriority.Urgent)]
    [InlineData("a personal post with an urgent note, its crisis score low", 0.05, 0.9, 0.9, CommentStatus.Pending, CommentPriority.Urgent)]
    [InlineData("a personal post, personal × urgency over its threshold but urgency under the urgent one", 0.05, 0.45, 1.0, CommentStatus.Pending, CommentPriority.Normal)]
    [InlineData("a personal post, personal × urgency just under its threshold", 0.05, 0.69, 0.5, CommentStatus.Approved, CommentPriority.Normal)]
    [InlineData("held by personal × urgency, urgency high, but not personal enough for the urgency score to mean anything", 0.05, 0.9, 0.45, CommentStatus.Pending, CommentPriority.Normal)]
    [InlineData("held by personal × urgency, urgency high, personal exactly at its floor", 0.05, 0.9, 0.5, CommentStatus.Pending, CommentPriority.Urgent)]
    [InlineData("held by the crisis score: urgency alone decides, however impersonal the text", 0.9, 0.9, 0.1, CommentStatus.Pending, CommentPriority.Urgent)]
    public void The_crisis_score_or_a_personal_post_with_high_urgency_holds_and_the_urgency_score_decides_whether_it_is_urgent(
        string why, double crisis, double urgency, double personal, CommentStatus status, CommentPriority priority)
    {
        var policy = Policy(s =>
        {
            s.Classifier.Crisis.HoldAt = 0.24;
            s.Classifier.Crisis.UrgentAt = 0.5;
            s.Classifier.Crisis.PersonalHoldAt = 0.35;
        });

        var decision = policy.Decide(Input("Nice article.", classifier: Scored(crisis: crisis, urgency: urgency, personal: personal)));

        Assert.True(status == decision.Status, why);
        Assert.True(priority == decision.Priority, why);
        if (status == CommentStatus.Pending)
        {
            var reason = Assert.Single(decision.Reasons);
            Assert.Equal(ModerationRules.CrisisClassifier, reason.Rule);
            Assert.Contains("urgency", reason.Detail, StringComparison.Ordinal);
            Assert.Equal(crisis < 0.24, reason.Detail.Contains("personal score", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_possible_crisis_that_is_not_urgent_is_never_rejected_by_another_score()
    {
        var decision = Default.Decide(Input("Nice article.", classifier: Scored(toxic: 0.9999, crisis: 0.5, urgency: 0.1)));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal(CommentPriority.Normal, decision.Priority);
        Assert.Equal(ModerationRules.CrisisClassifier, decision.Reasons[0].Rule);
        Assert.Contains("would otherwise have been rejected (toxic-classifier)", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Switching_the_crisis_scores_off_switches_the_personal_post_hold_off_too()
    {
        var policy = Policy(s => s.Classifier.Crisis.Enabled = false);

        var decision = policy.Decide(Input("Nice article.", classifier: Scored(crisis: 0.05, urgency: 0.99, personal: 0.99)));

        Assert.Equal(CommentStatus.Approved, decision.Status);
    }

    [Fact]
    public void Abuse_that_tells_someone_to_die_is_not_put_in_the_crisis_lane_by_the_scores_but_still_waits_for_a_person()
    {
        var decision = Default.Decide(Input("Go kill yourself, nobody wants to read this", classifier: Scored(crisis: 0.6, urgency: 0.99)));

        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.Equal(CommentPriority.Normal, decision.Priority);
        Assert.Equal(ModerationRules.CrisisClassifier, decision.Reasons[0].Rule);
        Assert.Contains("blocked term (\"go kill yourself\")", decision.Reasons[0].Detail, StringComparison.Ordinal);
        Assert.Contains("would otherwise have been rejected (blocked-term)", decision.Reasons[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Deciding_is_safe_from_many_threads_at_once()
    {
        var inputs = Cases.Values.ToArray();
        var expected = inputs.Select(c => Default.Decide(c.Input).Status).ToArray();

        var results = Enumerable.Range(0, 2000).AsParallel()
            .Select(i => Default.Decide(inputs[i % inputs.Length].Input).Status == expected[i % inputs.Length])
            .ToArray();

        Assert.All(results, Assert.True);
    }
}
