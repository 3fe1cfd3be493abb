namespace Commentary.Tests.Comments;

public class SubmissionValidatorTests
{
    private const string ParentId = "01HV3Z8Y9K2M4N6P8Q0R2S4T6V";

    private static readonly CommentSubmission Good = new("Ann", "ann@example.com", null, "Nice post.", null);

    private static IReadOnlyCollection<string> ErrorFields(CommentSubmission submission) =>
        SubmissionValidator.Validate(submission).Errors.Keys.ToArray();

    [Fact]
    public void A_complete_submission_is_valid_with_every_value_trimmed()
    {
        var result = SubmissionValidator.Validate(new CommentSubmission(
            "  Ann  ", " ann@example.com ", " https://ann.example/about ", "\n  Nice post.  \n", $" {ParentId} "));

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(new ValidSubmission("Ann", "ann@example.com", "https://ann.example/about", "Nice post.", ParentId), result.Submission);
    }

    [Fact]
    public void Blank_website_and_parent_id_become_null()
    {
        var result = SubmissionValidator.Validate(Good with { Website = "   ", ParentId = "" });

        Assert.True(result.IsValid);
        Assert.Null(result.Submission!.Website);
        Assert.Null(result.Submission.ParentId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_author_is_an_author_error(string? author)
    {
        Assert.Equal(["author"], ErrorFields(Good with { Author = author }));
    }

    [Fact]
    public void An_author_of_80_characters_is_accepted()
    {
        Assert.True(SubmissionValidator.Validate(Good with { Author = new string('a', 80) }).IsValid);
    }

    [Fact]
    public void An_author_of_81_characters_is_an_author_error()
    {
        Assert.Equal(["author"], ErrorFields(Good with { Author = new string('a', 81) }));
    }

    [Theory]
    [InlineData("Ann\u0000")]
    [InlineData("An\nn")]
    [InlineData("An\tn")]
    [InlineData("\u0007Ann")]
    [InlineData("Ann\u007F")]
    public void An_author_with_a_control_character_is_an_author_error(string author)
    {
        Assert.Equal(["author"], ErrorFields(Good with { Author = author }));
    }

    [Theory]
    [InlineData("ann@example.com")]
    [InlineData("a.b+tag@mail.example.co.uk")]
    [InlineData("a@b.co")]
    public void A_plausible_email_is_accepted(string email)
    {
        Assert.True(SubmissionValidator.Validate(Good with { Email = email }).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ann")]
    [InlineData("ann@")]
    [InlineData("@example.com")]
    [InlineData("ann@example")]
    [InlineData("ann@.example.com")]
    [InlineData("ann@example.com.")]
    [InlineData("ann smith@example.com")]
    [InlineData("Ann <ann@example.com>")]
    [InlineData("a@b")]
    public void An_implausible_email_is_an_email_error(string? email)
    {
        Assert.Equal(["email"], ErrorFields(Good with { Email = email }));
    }

    [Fact]
    public void An_email_of_254_characters_is_accepted()
    {
        var email = new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 61);
        Assert.Equal(254, email.Length);

        Assert.True(SubmissionValidator.Validate(Good with { Email = email }).IsValid);
    }

    [Fact]
    public void An_email_of_255_characters_is_an_email_error()
    {
        var email = new string('a', 64) + "@" + new string('b', 63) + "." + new string('c', 63) + "." + new string('d', 62);
        Assert.Equal(255, email.Length);

        Assert.Equal(["email"], ErrorFields(Good with { Email = email }));
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("https://example.com/about?x=1")]
    public void An_http_or_https_website_is_accepted(string website)
    {
        var result = SubmissionValidator.Validate(Good with { Website = website });

        Assert.True(result.IsValid);
        Assert.Equal(website, result.Submission!.Website);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.com/file")]
    [InlineData("/about")]
    [InlineData("about/me")]
    [InlineData("example.com")]
    [InlineData("mailto:ann@example.com")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://")]
    public void A_website_that_is_not_an_absolute_http_address_is_a_website_error(string website)
    {
        Assert.Equal(["website"], ErrorFields(Good with { Website = website }));
    }

    [Fact]
    public void A_website_over_200_characters_is_a_website_error()
    {
        var website = "https://example.com/" + new string('a', 181);
        Assert.Equal(201, website.Length);

        Assert.Equal(["website"], ErrorFields(Good with { Website = website }));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a")]
    [InlineData("   a   ")]
    public void A_body_shorter_than_two_characters_after_trimming_is_a_body_error(string? body)
    {
        Assert.Equal(["body"], ErrorFields(Good with { Body = body }));
    }

    [Fact]
    public void A_body_of_two_characters_is_accepted()
    {
        Assert.Equal("ok", SubmissionValidator.Validate(Good with { Body = " ok " }).Submission!.Body);
    }

    [Fact]
    public void A_body_of_5000_characters_with_surrounding_whitespace_is_accepted()
    {
        var body = new string('x', 5000);

        var result = SubmissionValidator.Validate(Good with { Body = "\n\n  " + body + "  \n" });

        Assert.True(result.IsValid);
        Assert.Equal(body, result.Submission!.Body);
    }

    [Fact]
    public void A_body_of_5001_characters_is_a_body_error()
    {
        Assert.Equal(["body"], ErrorFields(Good with { Body = new string('x', 5001) }));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("01hv3z8y9k2m4n6p8q0r2s4t6v")]
    [InlineData("81HV3Z8Y9K2M4N6P8Q0R2S4T6V")]
    [InlineData("01HV3Z8Y9K2M4N6P8Q0R2S4T6")]
    public void A_parent_id_that_is_not_a_comment_id_is_a_parent_id_error(string parentId)
    {
        Assert.Equal(["parentId"], ErrorFields(Good with { ParentId = parentId }));
    }

    [Fact]
    public void Every_invalid_field_is_reported_under_its_json_name()
    {
        var result = SubmissionValidator.Validate(new CommentSubmission("", "nope", "javascript:alert(1)", "x", "nope"));

        Assert.False(result.IsValid);
        Assert.Null(result.Submission);
        Assert.Equal(["author", "body", "email", "parentId", "website"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, messages => Assert.NotEmpty(Assert.Single(messages)));
    }

    [Theory]
    [InlineData("Ann\u202Eeviл")]
    [InlineData("\u2066Ann\u2069")]
    [InlineData("A\u200Bnn")]
    [InlineData("\uFEFFAnn")]
    public void A_name_with_invisible_formatting_is_refused(string author)
    {
        Assert.Equal(["author"], ErrorFields(Good with { Author = author }));
    }

    [Theory]
    [InlineData("Hello\u0000world")]
    [InlineData("Bell \u0007 rings")]
    [InlineData("Pasted \u0093quote\u0094")]
    public void A_body_with_control_characters_is_refused(string body)
    {
        Assert.Equal(["body"], ErrorFields(Good with { Body = body }));
    }

    [Theory]
    [InlineData("Reads \u202Ebackwards", "Reads backwards")]
    [InlineData("Hidden\u200Bword", "Hiddenword")]
    [InlineData("\uFEFF I can't do this anymore.\u2060", "I can't do this anymore.")]
    [InlineData("\u202BPasted from right-to-left text\u202C and \u2067isolated\u2069", "Pasted from right-to-left text and isolated")]
    public void Invisible_formatting_is_taken_out_of_a_body_not_refused(string body, string stored)
    {
        var result = SubmissionValidator.Validate(Good with { Body = body });

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Keys));
        Assert.Equal(stored, result.Submission!.Body);
    }

    [Fact]
    public void A_body_of_nothing_but_invisible_formatting_is_too_short()
    {
        Assert.Equal(["body"], ErrorFields(Good with { Body = "\u200B\u200B\u202E\uFEFF" }));
    }

    [Theory]
    [InlineData("Line one\nLine two\r\n\tIndented")]
    [InlineData("Family 👨\u200D👩\u200D👧 and a Persian name می\u200Cخواهم")]
    public void Line_breaks_tabs_and_zero_width_joiners_are_allowed_in_a_body(string body)
    {
        Assert.True(SubmissionValidator.Validate(Good with { Body = body }).IsValid);
    }

    [Theory]
    [InlineData("https://user:secret@example.com/")]
    [InlineData("https://exa mple.com/")]
    [InlineData("https://example.com/\u202E")]
    public void A_website_with_credentials_spaces_or_invisible_characters_is_refused(string website)
    {
        Assert.Equal(["website"], ErrorFields(Good with { Website = website }));
    }
}
