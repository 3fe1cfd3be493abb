using Commentary.Core.Comments;

namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// Collects what the rules found and turns it into a decision. The status follows from the strongest effect
/// (crisis language → pending and urgent; otherwise any reject rule → rejected; otherwise any hold rule → pending;
/// otherwise approved), so the reasons always explain it. Reasons are listed strongest first.
/// </summary>
internal sealed class DecisionBuilder
{
    private List<(Effect Effect, ModerationReason Reason)>? _found;
    private double _score;

    private enum Effect
    {
        Crisis,
        Reject,
        Hold,
    }

    public void Crisis(string rule, string detail, double score) => Add(Effect.Crisis, rule, detail, score);

    public void Reject(string rule, string detail, double score) => Add(Effect.Reject, rule, detail, score);

    public void Hold(string rule, string detail, double score) => Add(Effect.Hold, rule, detail, score);

    public ModerationDecision Build()
    {
        if (_found is null)
        {
            return new ModerationDecision(CommentStatus.Approved, 0, []);
        }

        var crisis = _found.Any(f => f.Effect == Effect.Crisis);
        var rejects = _found.Where(f => f.Effect == Effect.Reject).Select(f => f.Reason.Rule).Distinct().ToArray();
        var status = crisis ? CommentStatus.Pending : rejects.Length > 0 ? CommentStatus.Rejected : CommentStatus.Pending;
        var reasons = _found.OrderBy(f => f.Effect).Select(f => f.Reason).ToList();
        if (crisis && rejects.Length > 0)
        {
            // Say why a comment that breaks a reject rule is waiting instead, so nobody mistakes it for a bug.
            reasons[0] = reasons[0] with
            {
                Detail = reasons[0].Detail + " It would otherwise have been rejected (" + string.Join(", ", rejects) + ").",
            };
        }

        return new ModerationDecision(status, Math.Round(_score, 2), reasons)
        {
            Priority = crisis ? CommentPriority.Urgent : CommentPriority.Normal,
        };
    }

    private void Add(Effect effect, string rule, string detail, double score)
    {
        (_found ??= []).Add((effect, new ModerationReason(rule, detail)));
        _score += score;
    }
}
