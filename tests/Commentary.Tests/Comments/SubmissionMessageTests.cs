namespace Commentary.Tests.Comments;

public class SubmissionMessageTests
{
    private const string Id = "01HV3Z8Y9K2M4N6P8Q0R2S4T6V";

    private static readonly SubmissionMessage Message = new(
        SubmissionMessage.CurrentVersion,
        Id,
        "hello-world",
        "Ann",
        "ann@example.com",
        "https://ann.example",
        "Nice post.",
        "01HV3Z8Y9K2M4N6P8Q0R2S4T6W",
        "ab12cd",
        new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.FromHours(2)));

    [Fact]
    public void A_message_survives_a_round_trip_through_json()
    {
        var parsed = SubmissionMessage.Parse(Message.ToJson());

        Assert.Equal(Message, parsed);
        Assert.Equal(Message.Submitted.Offset, parsed.Submitted.Offset);
    }

    [Fact]
    public void A_message_without_optional_fields_survives_a_round_trip_and_omits_them()
    {
        var message = Message with { Website = null, ParentId = null, IpHash = null };

        var json = message.ToJson();

        Assert.DoesNotContain("website", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("parentId", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(message, SubmissionMessage.Parse(json));
    }

    [Fact]
    public void The_json_uses_camel_case_field_names()
    {
        var json = Message.ToJson();

        Assert.Contains("\"version\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"slug\":\"hello-world\"", json, StringComparison.Ordinal);
        Assert.Contains("\"ipHash\":\"ab12cd\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"version\":1,\"id\":\"nope\",\"slug\":\"hello-world\",\"author\":\"Ann\",\"email\":\"ann@example.com\",\"body\":\"Hi there\"}")]
    public void A_message_without_a_readable_id_is_malformed_without_a_comment_id(string text)
    {
        var error = Assert.Throws<MalformedMessageException>(() => SubmissionMessage.Parse(text));

        Assert.Null(error.CommentId);
    }

    [Fact]
    public void A_message_with_an_invalid_slug_is_malformed_and_keeps_its_id()
    {
        AssertMalformedWithId(Message with { Slug = "Not A Slug" }, "slug");
    }

    [Fact]
    public void A_message_of_another_version_is_malformed_and_keeps_its_id()
    {
        AssertMalformedWithId(Message with { Version = 2 }, "version");
    }

    [Fact]
    public void A_message_with_an_invalid_email_is_malformed_and_names_the_field()
    {
        AssertMalformedWithId(Message with { Email = "not-an-email" }, "email");
    }

    [Fact]
    public void A_message_with_a_javascript_website_is_malformed_and_names_the_field()
    {
        AssertMalformedWithId(Message with { Website = "javascript:alert(1)" }, "website");
    }

    private static void AssertMalformedWithId(SubmissionMessage message, string problem)
    {
        var error = Assert.Throws<MalformedMessageException>(() => SubmissionMessage.Parse(message.ToJson()));

        Assert.Equal(Id, error.CommentId);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }
}
