namespace Commentary.Core.Comments;

/// <summary>What a pin or unpin came to.</summary>
public sealed record PinOutcome(PinOutcomeKind Kind, Comment? Comment);

public enum PinOutcomeKind
{
    NotFound,
    NotPublished,
    Unchanged,
    LimitReached,
    Conflict,
    Changed,
}

/// <summary>Thrown inside the counter's transaction to abandon a pin beyond the limit.</summary>
internal sealed class PinLimitReachedException : Exception
{
    public PinLimitReachedException()
        : base("The article has as many pinned comments as it may.")
    {
    }

    public PinLimitReachedException(string message)
        : base(message)
    {
    }

    public PinLimitReachedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
