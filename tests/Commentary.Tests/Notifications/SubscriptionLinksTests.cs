using Microsoft.Extensions.Time.Testing;

namespace Commentary.Tests.Notifications;

public class SubscriptionLinksTests
{
    private const string Key = "unit-test-link-signing-key-0123456789abcdef";
    private static readonly string Subscriber = new('a', 64);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static MailOptions Mail => new() { Host = "smtp.example.org", From = "comments@example.org" };

    private static NotificationOptions Notifications(string? key = Key, string url = "https://comments.example.org/api") =>
        new() { PublicUrl = new Uri(url), LinkSigningKey = key };

    private SubscriptionLinks Links(NotificationOptions? notifications = null, MailOptions? mail = null, bool? enabled = null) =>
        new(Options.Create(new CommenterMailOptions { CommenterEmails = enabled }), Options.Create(notifications ?? Notifications()), Options.Create(mail ?? Mail), _clock);

    private static string TokenOf(Uri link) => link.Query[(link.Query.IndexOf("token=", StringComparison.Ordinal) + 6)..];

    [Fact]
    public void A_link_reads_back_as_made_and_points_at_its_route_under_the_public_address()
    {
        var links = Links();
        var confirm = links.Confirm(Subscriber);
        var unsubscribe = links.Unsubscribe(Subscriber, "some-article");

        Assert.StartsWith("https://comments.example.org/api/subscriptions/confirm?token=", confirm.AbsoluteUri, StringComparison.Ordinal);
        Assert.StartsWith("https://comments.example.org/api/subscriptions/unsubscribe?token=", unsubscribe.AbsoluteUri, StringComparison.Ordinal);
        var (reading, link) = links.Read(TokenOf(unsubscribe), SubscriptionLinkPurpose.Unsubscribe);
        Assert.Equal(SubscriptionLinkReading.Valid, reading);
        Assert.Equal(new SubscriptionLink(SubscriptionLinkPurpose.Unsubscribe, Subscriber, "some-article", _clock.GetUtcNow()), link);
        Assert.Null(links.Read(TokenOf(links.Unsubscribe(Subscriber, null)), SubscriptionLinkPurpose.Unsubscribe).Link!.Slug);
    }

    [Fact]
    public void An_altered_token_another_purpose_or_another_key_reads_as_invalid()
    {
        var links = Links();
        var token = TokenOf(links.Unsubscribe(Subscriber, null));
        var flipped = token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..];

        Assert.Equal(SubscriptionLinkReading.Invalid, links.Read(flipped, SubscriptionLinkPurpose.Unsubscribe).Reading);
        Assert.Equal(SubscriptionLinkReading.Invalid, links.Read(token, SubscriptionLinkPurpose.Confirm).Reading);
        Assert.Equal(SubscriptionLinkReading.Invalid, links.Read(token[..^3], SubscriptionLinkPurpose.Unsubscribe).Reading);
        Assert.Equal(SubscriptionLinkReading.Invalid, links.Read(string.Empty, SubscriptionLinkPurpose.Unsubscribe).Reading);
        Assert.Equal(SubscriptionLinkReading.Invalid, links.Read("not.a-token", SubscriptionLinkPurpose.Unsubscribe).Reading);
        var other = Links(Notifications(key: Key + "-other"));
        Assert.Equal(SubscriptionLinkReading.Invalid, other.Read(token, SubscriptionLinkPurpose.Unsubscribe).Reading);
    }

    [Fact]
    public void A_confirmation_expires_after_30_days_and_an_unsubscribe_link_never_does()
    {
        var links = Links();
        var confirm = TokenOf(links.Confirm(Subscriber));
        var unsubscribe = TokenOf(links.Unsubscribe(Subscriber, null));
        _clock.Advance(SubscriptionLinks.ConfirmLifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(SubscriptionLinkReading.Valid, links.Read(confirm, SubscriptionLinkPurpose.Confirm).Reading);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(SubscriptionLinkReading.Expired, links.Read(confirm, SubscriptionLinkPurpose.Confirm).Reading);
        _clock.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(SubscriptionLinkReading.Valid, links.Read(unsubscribe, SubscriptionLinkPurpose.Unsubscribe).Reading);
    }

    [Fact]
    public void Mail_is_offered_only_when_everything_it_needs_is_set_and_it_is_not_turned_off()
    {
        Assert.True(Links().IsEnabled);
        Assert.True(Links(Notifications(url: "http://127.0.0.1:7071/api")).IsEnabled);
        Assert.False(Links(enabled: false).IsEnabled);
        Assert.False(Links(mail: new MailOptions()).IsEnabled);
        Assert.False(Links(Notifications(key: null)).IsEnabled);
        Assert.False(Links(Notifications(url: "http://comments.example.org/api")).IsEnabled);
        Assert.Equal(SubscriptionLinkReading.Invalid, Links(enabled: false).Read("x.y", SubscriptionLinkPurpose.Confirm).Reading);
    }

    [Fact]
    public void Start_up_names_a_short_key_and_whatever_an_insisted_on_feature_lacks()
    {
        Assert.Empty(CommenterMailOptions.Problems(new CommenterMailOptions(), Notifications(), Mail));
        Assert.Empty(CommenterMailOptions.Problems(new CommenterMailOptions(), new NotificationOptions(), new MailOptions()));
        Assert.Contains(CommenterMailOptions.Problems(new CommenterMailOptions(), Notifications(key: "short"), Mail),
            p => p.StartsWith("Notifications:LinkSigningKey must be at least 32", StringComparison.Ordinal));
        var insisted = CommenterMailOptions.Problems(new CommenterMailOptions { CommenterEmails = true }, new NotificationOptions(), new MailOptions()).ToList();
        Assert.Equal(3, insisted.Count);
        Assert.All(insisted, p => Assert.StartsWith("Notifications:CommenterEmails is true", p, StringComparison.Ordinal));
        Assert.Contains(insisted, p => p.Contains("Mail:Host", StringComparison.Ordinal));
        Assert.Contains(insisted, p => p.Contains("Notifications:PublicUrl", StringComparison.Ordinal));
        Assert.Contains(insisted, p => p.Contains("Notifications:LinkSigningKey", StringComparison.Ordinal));
    }
}
