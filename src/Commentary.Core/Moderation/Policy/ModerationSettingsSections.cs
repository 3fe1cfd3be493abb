namespace Commentary.Core.Moderation.Policy;

// The sections of ModerationSettings. Each rule can be switched off; thresholds have the defaults described in
// docs/moderation.md. They are plain mutable classes so System.Text.Json can read them and an operator's tool can edit them;
// ModerationPolicy takes its own copy, so editing settings after building a policy changes nothing.

/// <summary>A rule with nothing to configure but whether it runs.</summary>
public sealed class RuleSwitch
{
    public bool Enabled { get; set; } = true;
}

/// <summary>A list of words or phrases (blocked terms, suspect terms, crisis language).</summary>
public sealed class TermListSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Words or phrases matched as whole words after folding case, accents, look-alike letters, leetspeak, spacing
    /// and stretched letters. A trailing '*' lets the last word go on ("fuck*" also finds "fucking").
    /// </summary>
    public List<string> Terms { get; set; } = [];
}

/// <summary>Counting links in the body and the website field.</summary>
public sealed class LinkSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>A comment with this many links or more waits for a moderator.</summary>
    public int HoldAt { get; set; } = 2;

    /// <summary>
    /// A comment with this many links or more is rejected (must be above <see cref="HoldAt"/>). Only link farms reach
    /// the shipped 10: a reader's list of sources or of helplines has five or six, and a rejected comment is one no
    /// person reads, while spam with a few links is rejected by the other rules or the spam score anyway.
    /// </summary>
    public int RejectAt { get; set; } = 10;

    /// <summary>
    /// A comment from a commenter with no approved comment yet waits for a moderator at this many links in its body
    /// (1: any link), even with the first-comment hold off. A link is what comment spam exists to place, and on a site
    /// about mental health a stranger's link may lead somewhere harmful; one approved comment lifts it. Equal to
    /// <see cref="HoldAt"/>, it adds nothing to that rule.
    /// </summary>
    public int NewCommenterHoldAt { get; set; } = 1;

    /// <summary>Top-level domains that make a bare "name.tld" a link.</summary>
    public List<string> TopLevelDomains { get; set; } = [];

    /// <summary>
    /// Top-level domains that are also everyday words ("it", "me", "life"): a bare "name.tld" with one of these is a
    /// link only with a path after it ("name.it/x") or a disguised dot ("name [dot] it").
    /// </summary>
    public List<string> WordLikeTopLevelDomains { get; set; } = [];
}

/// <summary>Stock phrases of comment spam.</summary>
public sealed class SpamPhraseSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>This many different phrases hold a comment.</summary>
    public int HoldAt { get; set; } = 1;

    /// <summary>This many different phrases reject it (must be above <see cref="HoldAt"/>).</summary>
    public int RejectAt { get; set; } = 3;

    public List<string> Terms { get; set; } = [];
}

/// <summary>A body written mostly in capitals.</summary>
public sealed class ShoutingSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>Bodies with fewer letters than this are too short to judge ("OK", "NHS").</summary>
    public int MinLetters { get; set; } = 30;

    /// <summary>The share of letters that are capitals at which a body counts as shouting (0 to 1).</summary>
    public double CapitalShare { get; set; } = 0.7;
}

/// <summary>One character repeated many times in a row ("!!!!!!!!!!!!", "$$$$$$$$$$$$").</summary>
public sealed class RepeatedCharacterSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>A run of this many of the same character holds a comment.</summary>
    public int RunLength { get; set; } = 10;
}

/// <summary>A body that is little more than a link.</summary>
public sealed class MostlyLinkSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>The share of the body's non-space characters taken by links at which it counts as mostly a link (0 to 1).</summary>
    public double LinkShare { get; set; } = 0.7;
}

/// <summary>An author name that is a web address or a string of sales keywords.</summary>
public sealed class SuspiciousAuthorSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>Names with more words than this are held.</summary>
    public int MaxWords { get; set; } = 6;

    /// <summary>Names with this many different keywords are held.</summary>
    public int KeywordsToFlag { get; set; } = 2;

    /// <summary>Sales words ("cheap", "casino", "seo"): one is a surname, two are an advert.</summary>
    public List<string> Keywords { get; set; } = [];
}

/// <summary>Email addresses at throwaway-mail services.</summary>
public sealed class DisposableEmailSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>Domains; their subdomains match too.</summary>
    public List<string> Domains { get; set; } = [];
}

/// <summary>Many comments in a short time from one email address or one IP address (counted by the processor).</summary>
public sealed class FloodSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>More recent comments than this from the same email address hold a comment.</summary>
    public int MaxRecentFromEmail { get; set; } = 5;

    /// <summary>More recent comments than this from the same IP address hold a comment.</summary>
    public int MaxRecentFromIp { get; set; } = 10;

    /// <summary>How far back "recent" reaches.</summary>
    public int WindowMinutes { get; set; } = 60;
}

/// <summary>Phone numbers, email addresses and street addresses in a body.</summary>
public sealed class PersonalDataSettings
{
    public bool Enabled { get; set; } = true;
    public bool EmailAddresses { get; set; } = true;
    public bool PhoneNumbers { get; set; } = true;
    public bool StreetAddresses { get; set; } = true;

    /// <summary>A run of at least this many digits, grouped like a phone number, counts as one.</summary>
    public int PhoneMinDigits { get; set; } = 10;

    /// <summary>Words that end a street address ("Road", "St", "Avenue").</summary>
    public List<string> StreetWords { get; set; } = [];
}

/// <summary>
/// What the learned classifier's scores do (see docs/moderation-model.md). Scores are probabilities from 0 to 1; the
/// defaults were chosen on the validation split by <c>ThresholdChoice.Choose</c>, within the budgets of
/// legitimate comments it names, and no score rejects a legitimate validation comment.
/// </summary>
public sealed class ClassifierSettings
{
    public ScoreThresholds Spam { get; set; } = new() { HoldAt = 0.04, RejectAt = 0.81 };

    /// <summary>Insults, threats, identity hate, harassment.</summary>
    public ToxicThresholds Toxic { get; set; } = new() { HoldAt = 0.88, RejectAt = 0.999 };

    /// <summary>Self-harm or suicide risk: never rejected, only held (as urgent when the urgency score is high too).</summary>
    public CrisisThresholds Crisis { get; set; } = new() { HoldAt = 0.24, UrgentAt = 0.61 };
}

/// <summary>A score that holds a comment from one threshold and rejects it from a higher one.</summary>
public class ScoreThresholds
{
    public bool Enabled { get; set; } = true;

    public double HoldAt { get; set; } = 0.9;

    /// <summary>Above <see cref="HoldAt"/>; 1 means the score never rejects (a probability never reaches 1).</summary>
    public double RejectAt { get; set; } = 1;
}

/// <summary>
/// The toxic score's thresholds, and a lower one for a comment that names a group of people (a word of
/// <see cref="ModerationSettings.GroupTerms"/>): hostility aimed at a people, a faith or an identity is the abuse a
/// general toxicity score most often underrates, and the group's name is what tells it apart.
/// </summary>
public sealed class ToxicThresholds : ScoreThresholds
{
    /// <summary>Acts only below <see cref="ScoreThresholds.HoldAt"/>: at or above that (1, say) it changes nothing.</summary>
    public double NamedGroupHoldAt { get; set; } = 0.48;
}

/// <summary>
/// The crisis scores: from <see cref="HoldAt"/> of the crisis score a comment waits for a person (a possible crisis),
/// and as urgent when its urgency score is also at or above <see cref="UrgentAt"/>. It never rejects. Two scores
/// because the crisis score tells a cry for help from everything else a comment section sees, while the urgency score
/// is trained only on people writing about their own lives, where an urgent post and a hard day look most alike.
/// </summary>
public sealed class CrisisThresholds
{
    public bool Enabled { get; set; } = true;

    public double HoldAt { get; set; } = 0.3;

    public double UrgentAt { get; set; } = 0.5;

    /// <summary>
    /// A comment is also held as a possible crisis when its personal score times its urgency score reaches this,
    /// whatever its crisis score: a short, plain post about one's own life with an urgent note. 1 switches it off.
    /// Its default is the shipped one, so settings saved before it existed get it too.
    /// </summary>
    public double PersonalHoldAt { get; set; } = 0.04;
}
