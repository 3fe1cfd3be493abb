using Commentary.Core.Access;

namespace Commentary.Tests.Moderation;

public class ModeratorKeysTests
{
    private const string Key = "s3cret-key";

    private static ModeratorKeys Keys(params ModeratorKey[] moderators) =>
        new(Options.Create(new ModeratorOptions { Moderators = [.. moderators] }));

    private static ModeratorKey Moderator(string name, string key) => new() { Name = name, KeySha256 = ModeratorKeys.HashOf(key) };

    [Fact]
    public void HashOf_is_the_lower_case_hex_sha256_of_the_key()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ModeratorKeys.HashOf("abc"));
    }

    [Fact]
    public void HashOf_the_empty_string_is_the_well_known_empty_digest()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ModeratorKeys.HashOf(""));
    }

    [Fact]
    public void A_bearer_header_with_the_right_key_names_the_moderator()
    {
        Assert.Equal("Ann", Keys(Moderator("Ann", Key)).Authenticate("Bearer s3cret-key")?.Name);
    }

    [Fact]
    public void The_scheme_is_case_insensitive_and_surrounding_spaces_are_ignored()
    {
        Assert.Equal("Ann", Keys(Moderator("Ann", Key)).Authenticate("bearer   s3cret-key ")?.Name);
    }

    [Fact]
    public void The_moderator_name_is_trimmed()
    {
        Assert.Equal("Ann", Keys(new ModeratorKey { Name = "  Ann ", KeySha256 = ModeratorKeys.HashOf(Key) }).Authenticate("Bearer s3cret-key")?.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer wrong-key")]
    [InlineData("Bearer S3CRET-KEY")]
    [InlineData("Bearer s3cret-key2")]
    [InlineData("Basic czNjcmV0LWtleQ==")]
    [InlineData("Basic s3cret-key")]
    [InlineData("Bearer ")]
    [InlineData("Bearer    ")]
    [InlineData("Bearer")]
    [InlineData("s3cret-key")]
    [InlineData("Bearers3cret-key")]
    public void Anything_but_the_right_bearer_key_authenticates_nobody(string? header)
    {
        Assert.Null(Keys(Moderator("Ann", Key)).Authenticate(header));
    }

    [Fact]
    public void Each_key_names_its_own_moderator()
    {
        var keys = Keys(Moderator("Ann", "ann-key"), Moderator("Bob", "bob-key"));

        Assert.Equal("Ann", keys.Authenticate("Bearer ann-key")?.Name);
        Assert.Equal("Bob", keys.Authenticate("Bearer bob-key")?.Name);
    }

    [Fact]
    public void An_upper_case_configured_hash_still_matches()
    {
        var keys = Keys(new ModeratorKey { Name = "Ann", KeySha256 = ModeratorKeys.HashOf(Key).ToUpperInvariant() });

        Assert.Equal("Ann", keys.Authenticate("Bearer s3cret-key")?.Name);
    }

    [Fact]
    public void With_no_moderators_nobody_authenticates()
    {
        var keys = Keys();

        Assert.False(keys.AnyConfigured);
        Assert.Null(keys.Authenticate("Bearer s3cret-key"));
    }

    [Fact]
    public void AnyConfigured_is_true_with_a_moderator()
    {
        Assert.True(Keys(Moderator("Ann", Key)).AnyConfigured);
    }

    [Fact]
    public void Well_formed_moderators_have_no_problems()
    {
        var options = new ModeratorOptions { Moderators = [Moderator("Ann", "a"), Moderator("Bob", "b")] };

        Assert.Empty(ModeratorKeys.Problems(options));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_name_is_a_problem_naming_the_setting(string name)
    {
        var options = new ModeratorOptions { Moderators = [new ModeratorKey { Name = name, KeySha256 = ModeratorKeys.HashOf(Key) }] };

        var problem = Assert.Single(ModeratorKeys.Problems(options));
        Assert.Contains("Moderation:Moderators:0:Name", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s3cret-key")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0")]
    [InlineData("zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void A_hash_that_is_not_64_hex_digits_is_a_problem_naming_the_setting(string hash)
    {
        var options = new ModeratorOptions { Moderators = [Moderator("Ann", Key), new ModeratorKey { Name = "Bob", KeySha256 = hash }] };

        var problem = Assert.Single(ModeratorKeys.Problems(options));
        Assert.Contains("Moderation:Moderators:1:KeySha256", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_moderator_with_both_faults_has_two_problems()
    {
        var options = new ModeratorOptions { Moderators = [new ModeratorKey { Name = "", KeySha256 = "nope" }] };

        Assert.Equal(2, ModeratorKeys.Problems(options).Count());
    }

    [Theory]
    [InlineData(null, ModeratorRole.Admin)]
    [InlineData("", ModeratorRole.Admin)]
    [InlineData("admin", ModeratorRole.Admin)]
    [InlineData("moderator", ModeratorRole.Moderator)]
    [InlineData(" Moderator ", ModeratorRole.Moderator)]
    public void A_key_has_its_configured_role_and_admin_when_none_is_set(string? role, ModeratorRole expected)
    {
        var keys = Keys(new ModeratorKey { Name = "Ann", KeySha256 = ModeratorKeys.HashOf(Key), Role = role });

        Assert.Equal(new Moderator("Ann", expected), keys.Authenticate("Bearer s3cret-key"));
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("Commentary.Admin")]
    [InlineData("moderators")]
    public void An_unknown_role_is_a_problem_naming_the_setting(string role)
    {
        var options = new ModeratorOptions { Moderators = [new ModeratorKey { Name = "Ann", KeySha256 = ModeratorKeys.HashOf(Key), Role = role }] };

        var problem = Assert.Single(ModeratorKeys.Problems(options));
        Assert.Contains("Moderation__Moderators__0__Role", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_admin_may_do_what_a_moderator_may_and_not_the_other_way_round()
    {
        Assert.True(new Moderator("A", ModeratorRole.Admin).May(ModeratorRole.Moderator));
        Assert.True(new Moderator("A", ModeratorRole.Admin).May(ModeratorRole.Admin));
        Assert.True(new Moderator("M", ModeratorRole.Moderator).May(ModeratorRole.Moderator));
        Assert.False(new Moderator("M", ModeratorRole.Moderator).May(ModeratorRole.Admin));
    }
}
