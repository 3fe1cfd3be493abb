namespace Commentary.Tests.Comments;

/// <summary>A clock that always answers the same instant.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
