using System.Text.Json;
using Commentary.Core.Comments;

namespace Commentary.Bench;

/// <summary>
/// Comment submissions as a reader's page posts them and as the API queues them: from a thousand readers, each with
/// their own address, as on a real site (one address for all would be a flood, and every flood check would read it all).
/// </summary>
public static class Submissions
{
    private static long _next;

    public static string NextBody()
    {
        var n = Interlocked.Increment(ref _next);
        return JsonSerializer.Serialize(new { author = "Bench Reader", email = $"reader{n % 1000}@example.com", body = $"Thank you for this article. Comment number {n}." });
    }

    public static SubmissionMessage Next(string slug = Seeding.PostTarget)
    {
        var n = Interlocked.Increment(ref _next);
        return new SubmissionMessage(
            SubmissionMessage.CurrentVersion, CommentId.New(), slug, "Bench Reader", $"reader{n % 1000}@example.com", null,
            $"Thank you for this article. Comment number {n}.", null, $"bench-ip-{n % 1000}", DateTimeOffset.UtcNow);
    }
}
