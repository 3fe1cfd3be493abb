namespace Commentary.Tests.Notifications;

public class MailOptionsTests
{
    [Fact]
    public async Task Without_a_host_mail_is_off_and_sending_says_it_is_not_configured()
    {
        var options = new MailOptions();
        var sender = new SmtpMailSender(Options.Create(options));

        Assert.False(sender.IsConfigured);
        Assert.Empty(MailOptions.Problems(options));
        Assert.Equal(MailSecurity.StartTls, options.Security);
        Assert.Equal(587, options.EffectivePort);
        Assert.Equal(465, new MailOptions { Security = MailSecurity.Tls }.EffectivePort);
        var refused = await Assert.ThrowsAsync<MailNotConfiguredException>(() => sender.SendAsync(new MailMessage("a@example.org", null, "s", "t", "<p>t</p>"), CancellationToken.None));
        Assert.Contains("Mail__Host", refused.Message, StringComparison.Ordinal);
    }

    public static TheoryData<MailOptions, string> Broken => new()
    {
        { new MailOptions { Host = "smtp.example.org" }, "Mail:Host and Mail:From" },
        { new MailOptions { From = "comments@example.org" }, "Mail:Host and Mail:From" },
        { new MailOptions { Host = "smtp.example.org", From = "not an address" }, "Mail:From" },
        { new MailOptions { Host = "smtp.example.org", From = "comments@example.org", Port = 0 }, "Mail:Port" },
        { new MailOptions { Host = "smtp.example.org", From = "comments@example.org", UserName = "me" }, "Mail:UserName and Mail:Password" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Half_set_or_malformed_settings_are_named(MailOptions options, string setting)
    {
        Assert.Contains(MailOptions.Problems(options), p => p.StartsWith(setting, StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_goes_out_as_plain_text_and_html_from_the_configured_sender()
    {
        var options = new MailOptions { Host = "smtp.example.org", From = "Quiet Hours <comments@example.org>" };
        Assert.Empty(MailOptions.Problems(options));

        using var mime = SmtpMailSender.ToMime(options, new MailMessage("robin@example.com", "Robin", "About your comment", "Hello Robin", "<p>Hello Robin</p>"));

        Assert.Equal("comments@example.org", mime.From.Mailboxes.Single().Address);
        Assert.Equal("Quiet Hours", mime.From.Mailboxes.Single().Name);
        Assert.Equal("robin@example.com", mime.To.Mailboxes.Single().Address);
        Assert.Equal("Hello Robin", mime.TextBody!.Trim());
        Assert.Equal("<p>Hello Robin</p>", mime.HtmlBody!.Trim());
    }
}
