using System.Text.Json.Serialization;

namespace Commentary.Core.Moderation.Akismet;

/// <summary>
/// One message on the <c>akismet-work</c> queue: ask again about a comment held while Akismet was unreachable, or
/// tell Akismet a moderator's verdict. <see cref="Attempt"/> counts the calls made so far.
/// </summary>
public sealed record AkismetWork(string Kind, string Slug, string Id, int Attempt)
{
    public const string Recheck = "recheck";
    public const string Ham = "ham";
    public const string Spam = "spam";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>For a recheck: the reader's request, as it was sent the first time.</summary>
    public ClientDetails? Client { get; init; }

    /// <summary>For a recheck: the policy had approved the comment, so an all-clear from Akismet publishes it.</summary>
    public bool ApproveWhenHam { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The message, or null when it is not one we could ever act on.</summary>
    public static AkismetWork? Parse(string text)
    {
        try
        {
            var work = JsonSerializer.Deserialize<AkismetWork>(text, Json);
            return work is { Kind: Recheck or Ham or Spam } && Articles.Slug.IsValid(work.Slug) && CommentId.IsValid(work.Id) && work.Attempt >= 0
                ? work
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
