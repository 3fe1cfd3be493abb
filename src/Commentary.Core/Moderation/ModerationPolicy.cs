using System.Globalization;
using System.Text.RegularExpressions;
using Commentary.Core.Comments;
using Microsoft.Extensions.Options;

namespace Commentary.Core.Moderation;

/// <summary>
/// Pure rules that turn a comment into approved, pending or rejected with reasons. No I/O: the caller loads
/// the commenter's history first. A blocked term rejects; links and a first comment hold; anything else is approved.
/// </summary>
public sealed partial class ModerationPolicy
{
    public const string BlockedTermRule = "blocked-term";
    public const string LinksRule = "links";
    public const string FirstCommentRule = "first-comment";

    private readonly ModerationPolicyOptions _options;
    private readonly (string Term, Regex Pattern)[] _blocked;

    public ModerationPolicy(IOptions<ModerationPolicyOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _blocked = _options.BlockedTerms
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => t.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(t => (t, new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(t) + @"(?![\p{L}\p{N}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200))))
            .ToArray();
    }

    public ModerationDecision Decide(ModerationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reasons = new List<ModerationReason>();
        var score = 0.0;
        var reject = false;
        var hold = false;

        var text = input.Author + "\n" + input.Body;
        var hits = _blocked.Where(b => b.Pattern.IsMatch(text)).Select(b => b.Term).ToArray();
        if (hits.Length > 0)
        {
            reject = true;
            score += 1.0;
            reasons.Add(new ModerationReason(BlockedTermRule, "Contains blocked " + (hits.Length == 1 ? "term" : "terms") + ": " + string.Join(", ", hits)));
        }

        var links = CountLinks(input.Body);
        if (links >= _options.HoldAtLinkCount)
        {
            hold = true;
            score += 0.5;
            reasons.Add(new ModerationReason(LinksRule, string.Create(CultureInfo.InvariantCulture, $"Has {links} links; comments with {_options.HoldAtLinkCount} or more wait for review.")));
        }

        if (_options.HoldFirstComments && !input.History.HasApproved)
        {
            hold = true;
            score += 0.2;
            reasons.Add(new ModerationReason(FirstCommentRule, "First comment from this email address; later ones are approved once one has been."));
        }

        var status = reject ? CommentStatus.Rejected : hold ? CommentStatus.Pending : CommentStatus.Approved;
        return new ModerationDecision(status, Math.Round(score, 2), reasons);
    }

    public static int CountLinks(string body) => Link().Count(body ?? string.Empty);

    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
