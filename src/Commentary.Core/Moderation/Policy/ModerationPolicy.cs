using Commentary.Core.Moderation.Classifier;

namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// Pure rules that turn a comment and what we know about its author into approved, pending or rejected, with a score,
/// a priority and the reasons. No I/O: the processor loads history and signals first. The settings are compiled once
/// here (one trie for every word list, hash sets for domains), so deciding costs about the same however long the
/// lists are. Safe to share between threads.
/// </summary>
public sealed class ModerationPolicy
{
    [ThreadStatic]
    private static Workspace? t_workspace;

    private readonly ModerationSettings _settings;

    /// <summary>How far back the flood rule counts, for the processor that counts.</summary>
    public TimeSpan FloodWindow => TimeSpan.FromMinutes(_settings.Flood.WindowMinutes);

    /// <summary>
    /// How many recent comments the flood rule needs counted to decide: one past its limit. Counting stops there, so
    /// a flood from one address does not make every later check read all of it.
    /// </summary>
    public FloodCounts FloodCountsNeeded => new(_settings.Flood.MaxRecentFromEmail + 1, _settings.Flood.MaxRecentFromIp + 1);
    private readonly TermMatcher _terms;
    private readonly LinkCounter _links;
    private readonly PersonalDataFinder _personalData;
    private readonly DisposableEmailCheck _disposableEmail;

    /// <exception cref="ArgumentException">The settings have <see cref="ModerationSettings.Problems"/>.</exception>
    public ModerationPolicy(ModerationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The moderation settings cannot be used: " + string.Join(" ", problems), nameof(settings));
        }

        // Our own copy: whoever passed the settings in may go on editing them.
        _settings = ModerationSettings.FromJson(settings.ToJson());
        var s = _settings;
        _terms = new TermMatcherBuilder()
            .Add(TermList.Blocked, s.BlockedTerms.Enabled ? s.BlockedTerms.Terms : [])
            .Add(TermList.Suspect, s.SuspectTerms.Enabled ? s.SuspectTerms.Terms : [])
            .Add(TermList.SpamPhrase, s.SpamPhrases.Enabled ? s.SpamPhrases.Terms : [])
            .Add(TermList.Crisis, s.CrisisLanguage.Enabled ? s.CrisisLanguage.Terms : [])
            .Add(TermList.AuthorKeyword, s.SuspiciousAuthor.Enabled ? s.SuspiciousAuthor.Keywords : [])
            .Add(TermList.Group, s.GroupTerms.Enabled ? s.GroupTerms.Terms : [])
            .Build();
        var domains = new DomainReader(s.Links.TopLevelDomains, s.Links.WordLikeTopLevelDomains);
        _links = new LinkCounter(domains);
        _personalData = new PersonalDataFinder(domains, s.PersonalData);
        _disposableEmail = new DisposableEmailCheck(s.DisposableEmail.Domains);
    }

    public ModerationDecision Decide(ModerationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var work = t_workspace ??= new Workspace();
        var decision = new DecisionBuilder();
        var body = work.Body.Fold(input.Body);
        var author = work.Author.Fold(input.Author);

        work.Hits.Clear();
        _terms.FindAll(body, work.Hits, TermField.Body);
        _terms.FindAll(author, work.Hits, TermField.Author);
        var authorKeywords = CheckTerms(work.Hits, decision);

        // What the comment says and looks like first, then what we know about who sent it: reasons keep this order
        // within each effect.
        var links = CheckLinks(input, body, work.Website, decision);
        CheckShape(input.Body, body.Plain, links, decision);
        CheckAuthor(author, authorKeywords, decision);
        CheckPersonalData(body.Plain, input.Body, decision);
        CheckEmail(input.Email, decision);
        CheckSignals(input, decision);
        ClassifierRules.Check(_settings.Classifier, input.Classifier, BodyNames(work.Hits, TermList.Group), BodyNames(work.Hits, TermList.Blocked), decision);
        return decision.Build();
    }

    private static string Percent(double share) => (share * 100).ToString("F0", CultureInfo.InvariantCulture) + "%";

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    /// <summary>Turns the terms found into reasons; answers the author keywords found, for the author check.</summary>
    private TermsFound CheckTerms(TermHits hits, DecisionBuilder decision)
    {
        if (hits.Count == 0)
        {
            return TermsFound.None;
        }

        if (Found(hits, TermList.Crisis) is { Count: > 0 } crisis)
        {
            decision.Crisis(ModerationRules.CrisisLanguage,
                $"Crisis language: {crisis.Listed}. Waiting as urgent for a person to read; never rejected or published automatically.",
                ScoreWeights.CrisisLanguage);
        }

        if (Found(hits, TermList.Blocked) is { Count: > 0 } blocked)
        {
            decision.Reject(ModerationRules.BlockedTerm,
                $"Contains blocked {(blocked.Count == 1 ? "term" : "terms")} {blocked.Listed}; a blocked term rejects a comment.",
                ScoreWeights.BlockedTerm + ((blocked.Count - 1) * ScoreWeights.EachFurtherBlockedTerm));
        }

        if (Found(hits, TermList.Suspect) is { Count: > 0 } suspect)
        {
            decision.Hold(ModerationRules.SuspectTerm,
                $"Contains suspect {(suspect.Count == 1 ? "term" : "terms")} {suspect.Listed}; a suspect term holds a comment for review.",
                suspect.Count * ScoreWeights.SuspectTerm);
        }

        var spamSettings = _settings.SpamPhrases;
        if (Found(hits, TermList.SpamPhrase) is { Count: > 0 } spam && spam.Count >= spamSettings.HoldAt)
        {
            var detail = Say($"Contains {spam.Count} stock spam {(spam.Count == 1 ? "phrase" : "phrases")}: {spam.Listed}; {spamSettings.HoldAt} or more hold a comment, {spamSettings.RejectAt} or more reject it.");
            if (spam.Count >= spamSettings.RejectAt)
            {
                decision.Reject(ModerationRules.SpamPhrase, detail, spam.Count * ScoreWeights.SpamPhrase);
            }
            else
            {
                decision.Hold(ModerationRules.SpamPhrase, detail, spam.Count * ScoreWeights.SpamPhrase);
            }
        }

        return Found(hits, TermList.AuthorKeyword);
    }

    /// <summary>Whether a comment's body names a group of people (for choosing the toxic score's lower threshold).</summary>
    internal bool NamesGroup(string body)
    {
        var work = t_workspace ??= new Workspace();
        work.Hits.Clear();
        _terms.FindAll(work.Body.Fold(body), work.Hits, TermField.Body);
        return Found(work.Hits, TermList.Group, bodyOnly: true).Count > 0;
    }

    /// <summary>
    /// The terms of one list the body names, as a moderator reads them, null when none: the groups of people
    /// ("albanians", "gay") for the toxic score's lower threshold, the blocked terms for the crisis scores.
    /// </summary>
    private string? BodyNames(TermHits hits, TermList list)
    {
        var found = Found(hits, list, bodyOnly: true);
        return found.Count == 0 ? null : found.Listed;
    }

    /// <summary>The distinct terms of one list that were found, and how to name them to a moderator.</summary>
    private TermsFound Found(TermHits hits, TermList list, bool bodyOnly = false)
    {
        var distinct = 0;
        StringBuilder? listed = null;
        for (var i = 0; i < hits.Count; i++)
        {
            var (termId, field) = hits[i];
            var term = _terms.Terms[termId];
            if (term.List != list || (bodyOnly && field != TermField.Body))
            {
                continue;
            }

            if (!hits.FoundEarlier(i))
            {
                distinct++;
            }

            listed = listed is null ? new StringBuilder() : listed.Append(", ");
            listed.Append('"').Append(term.Text).Append('"').Append(field == TermField.Author ? " (in the name)" : string.Empty);
        }

        return distinct == 0 ? TermsFound.None : new TermsFound(distinct, listed!.ToString());
    }

    private void CheckSignals(ModerationInput input, DecisionBuilder decision)
    {
        var s = _settings;
        var signals = input.Signals ?? ModerationSignals.None;
        if (s.Bans.Enabled && signals.BanReason is { } ban)
        {
            var why = string.IsNullOrWhiteSpace(ban) ? "no reason recorded" : ban.Trim();
            decision.Reject(ModerationRules.Banned, $"The commenter is banned ({why}).", ScoreWeights.Banned);
        }

        if (s.Duplicates.Enabled && signals.DuplicateBody)
        {
            decision.Reject(ModerationRules.Duplicate,
                "The same text (ignoring case, spacing and punctuation) was posted recently.", ScoreWeights.Duplicate);
        }

        if (s.Flood.Enabled && signals.RecentFromEmail > s.Flood.MaxRecentFromEmail)
        {
            decision.Hold(ModerationRules.Flood,
                Say($"{signals.RecentFromEmail} or more recent comments from this email address; more than {s.Flood.MaxRecentFromEmail} hold a comment."),
                ScoreWeights.Flood);
        }

        if (s.Flood.Enabled && signals.RecentFromIp > s.Flood.MaxRecentFromIp)
        {
            decision.Hold(ModerationRules.Flood,
                Say($"{signals.RecentFromIp} or more recent comments from this IP address; more than {s.Flood.MaxRecentFromIp} hold a comment."),
                ScoreWeights.Flood);
        }

        if (s.FirstComment.Enabled && IsNewCommenter(input))
        {
            decision.Hold(ModerationRules.FirstComment,
                "First comment from this email address; later ones are approved once one has been.", ScoreWeights.FirstComment);
        }
    }

    /// <summary>A commenter none of whose comments has been approved yet (the first-comment hold and a stranger's link).</summary>
    private static bool IsNewCommenter(ModerationInput input) => !(input.History ?? CommenterRecord.None).HasApproved;

    private LinkTally CheckLinks(ModerationInput input, FoldedText body, FoldedText website, DecisionBuilder decision)
    {
        var inBody = _links.Count(body.Plain);
        if (!_settings.Links.Enabled)
        {
            return inBody;
        }

        var count = inBody.Count;
        if (!string.IsNullOrWhiteSpace(input.Website))
        {
            count += Math.Max(1, _links.Count(website.Fold(input.Website).Plain).Count);
        }

        var links = _settings.Links;
        if (count < links.HoldAt && inBody.Disguised > 0)
        {
            // Nobody writes "example [dot] com" except to slip a link past a filter.
            decision.Hold(ModerationRules.Links,
                "Has a link written to dodge link filters (such as \"example [dot] com\"); a disguised link holds a comment.",
                ScoreWeights.Link * 2);
        }
        else if (count >= links.HoldAt)
        {
            var where = inBody.Count == count ? "in the comment" : inBody.Count == 0 ? "in the website field" : "in the comment and the website field";
            var detail = Say($"Has {count} links {where}; {links.HoldAt} or more hold a comment, {links.RejectAt} or more reject it.");
            if (count >= links.RejectAt)
            {
                decision.Reject(ModerationRules.Links, detail, count * ScoreWeights.Link);
            }
            else
            {
                decision.Hold(ModerationRules.Links, detail, count * ScoreWeights.Link);
            }
        }
        else if (inBody.Count >= links.NewCommenterHoldAt && IsNewCommenter(input))
        {
            decision.Hold(ModerationRules.Links,
                Say($"Has {inBody.Count} {(inBody.Count == 1 ? "link" : "links")} in the comment from a commenter with no approved comment yet; {links.NewCommenterHoldAt} or more hold a new commenter's comment, {links.HoldAt} or more anyone's."),
                inBody.Count * ScoreWeights.Link);
        }

        return inBody;
    }

    private void CheckShape(string original, ReadOnlySpan<char> plain, LinkTally links, DecisionBuilder decision)
    {
        var s = _settings;
        var shape = TextShape.Measure(original, plain);
        if (s.Shouting.Enabled && shape.Letters >= s.Shouting.MinLetters && shape.CapitalShare >= s.Shouting.CapitalShare)
        {
            decision.Hold(ModerationRules.Shouting,
                Say($"{Percent(shape.CapitalShare)} of its {shape.Letters} letters are capitals; {Percent(s.Shouting.CapitalShare)} or more holds a comment of {s.Shouting.MinLetters} letters or more."),
                ScoreWeights.Shouting);
        }

        if (s.RepeatedCharacters.Enabled && shape.LongestRun >= s.RepeatedCharacters.RunLength)
        {
            decision.Hold(ModerationRules.RepeatedCharacters,
                Say($"Repeats \"{shape.RunCharacter}\" {shape.LongestRun} times in a row; a run of {s.RepeatedCharacters.RunLength} or more holds a comment."),
                ScoreWeights.RepeatedCharacters);
        }

        var visible = 0;
        foreach (var c in plain)
        {
            if (c != ' ')
            {
                visible++;
            }
        }

        var share = visible == 0 ? 0 : Math.Min(1.0, (double)links.Characters / visible);
        if (s.MostlyLink.Enabled && links.Count > 0 && share >= s.MostlyLink.LinkShare)
        {
            decision.Hold(ModerationRules.MostlyLink,
                Say($"Links make up {Percent(share)} of the text; {Percent(s.MostlyLink.LinkShare)} or more holds a comment."),
                ScoreWeights.MostlyLink);
        }
    }

    private void CheckAuthor(FoldedText author, TermsFound keywords, DecisionBuilder decision)
    {
        var s = _settings.SuspiciousAuthor;
        if (!s.Enabled)
        {
            return;
        }

        string? why = null;
        if (_links.Count(author.Plain).Count > 0)
        {
            why = "The name is a web address.";
        }
        else if (keywords.Count >= s.KeywordsToFlag)
        {
            why = Say($"The name reads like an advert ({keywords.Count} sales words: {keywords.Listed}); {s.KeywordsToFlag} or more hold a comment.");
        }
        else if (author.UnitCount > s.MaxWords)
        {
            why = Say($"The name has {author.UnitCount} words; more than {s.MaxWords} hold a comment.");
        }

        if (why is not null)
        {
            decision.Hold(ModerationRules.SuspiciousAuthor, why, ScoreWeights.SuspiciousAuthor);
        }
    }

    private void CheckEmail(string email, DecisionBuilder decision)
    {
        if (_settings.DisposableEmail.Enabled && _disposableEmail.ListedDomain(email) is { } domain)
        {
            decision.Hold(ModerationRules.DisposableEmail,
                $"The email address is at a disposable-mail service ({domain}).", ScoreWeights.DisposableEmail);
        }
    }

    private void CheckPersonalData(ReadOnlySpan<char> plain, string original, DecisionBuilder decision)
    {
        if (!_settings.PersonalData.Enabled)
        {
            return;
        }

        var kinds = _personalData.Find(plain, original);
        if (kinds == PersonalDataKinds.None)
        {
            return;
        }

        var seen = new List<string>(3);
        if (kinds.HasFlag(PersonalDataKinds.PhoneNumber))
        {
            seen.Add("a phone number");
        }

        if (kinds.HasFlag(PersonalDataKinds.EmailAddress))
        {
            seen.Add("an email address");
        }

        if (kinds.HasFlag(PersonalDataKinds.StreetAddress))
        {
            seen.Add("a street address");
        }

        decision.Hold(ModerationRules.PersonalData,
            $"The comment seems to give {string.Join(" and ", seen)}; held so it is not published by mistake.", ScoreWeights.PersonalData);
    }

    /// <summary>How many different terms of one list were found, and their names as a moderator should read them.</summary>
    private readonly record struct TermsFound(int Count, string Listed)
    {
        public static TermsFound None { get; } = new(0, string.Empty);
    }

    /// <summary>Buffers one thread reuses from comment to comment, so deciding allocates little beyond the decision.</summary>
    private sealed class Workspace
    {
        public FoldedText Body { get; } = new();
        public FoldedText Author { get; } = new();
        public FoldedText Website { get; } = new();
        public TermHits Hits { get; } = new();
    }
}

/// <summary>How many recent comments from one email address and from one IP address are worth counting.</summary>
public readonly record struct FloodCounts(int FromEmail, int FromIp);
