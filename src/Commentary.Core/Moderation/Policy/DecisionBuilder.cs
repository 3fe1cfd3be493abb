namespace Commentary.Core.Moderation.Policy;

/// <summary>
/// Collects what the rules found and turns it into a decision. The status follows from the strongest effect
/// (crisis → pending and urgent; a review → pending whatever else; otherwise any reject rule → rejected; otherwise any
/// hold rule → pending; otherwise approved), so the reasons always explain it. Reasons are listed strongest first.
/// </summary>
internal sealed class DecisionBuilder
{
    private List<(Effect Effect, ModerationReason Reason)>? _found;
    private double _score;

    private enum Effect
    {
        Crisis,
        Review,
        Reject,
        Hold,
    }

    public void Crisis(string rule, string detail, double score) => Add(Effect.Crisis, rule, detail, score);

    /// <summary>A person must read it: pending at normal priority, even when a rule would reject it.</summary>
    public void Review(string rule, string detail, double score) => Add(Effect.Review, rule, detail, score);

    public void Reject(string rule, string detail, double score) => Add(Effect.Reject, rule, detail, score);

    public void Hold(string rule, string detail, double score) => Add(Effect.Hold, rule, detail, score);

    public ModerationDecision Build()
    {
        if (_found is null)
        {
            return new ModerationDecision(CommentStatus.Approved, 0, []);
        }

        var reasons = new List<ModerationReason>(_found.Count);
        var rejectedBy = new List<string>();
        foreach (var effect in (ReadOnlySpan<Effect>)[Effect.Crisis, Effect.Review, Effect.Reject, Effect.Hold])
        {
            foreach (var (found, reason) in _found)
            {
                if (found != effect)
                {
                    continue;
                }

                reasons.Add(reason);
                if (effect == Effect.Reject && !rejectedBy.Contains(reason.Rule))
                {
                    rejectedBy.Add(reason.Rule);
                }
            }
        }

        var crisis = _found.Exists(f => f.Effect == Effect.Crisis);
        var waits = crisis || _found.Exists(f => f.Effect == Effect.Review);
        if (waits && rejectedBy.Count > 0)
        {
            // Say why a comment that breaks a reject rule is waiting instead, so nobody mistakes it for a bug.
            reasons[0] = reasons[0] with { Detail = reasons[0].Detail + " It would otherwise have been rejected (" + string.Join(", ", rejectedBy) + ")." };
        }

        var status = waits || rejectedBy.Count == 0 ? CommentStatus.Pending : CommentStatus.Rejected;
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
