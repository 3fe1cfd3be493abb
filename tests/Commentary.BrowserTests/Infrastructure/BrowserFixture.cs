using Commentary.Core.Moderation.Policy;

// One browser suite at a time: each fixture starts Azurite, a host and Chromium, and the machine has two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Commentary.BrowserTests.Infrastructure;

/// <summary>Azurite, the self-host with an SMTP server, and one headless Chromium, shared by the tests of a collection.</summary>
public sealed class BrowserFixture : HostedBrowserFixture
{
    /// <summary>The SMTP server the host sends moderators' private replies and commenters' mail to.</summary>
    public SmtpTestServer Smtp { get; private set; } = null!;

    public string Origin => Host.BaseAddress.GetLeftPart(UriPartial.Authority);

    // With a public address and a link key, notifications carry Approve and Reject links, and the site emails
    // commenters who ask: the widget offers it.
    protected override Task<IDictionary<string, string?>> StartServersAsync()
    {
        Smtp = SmtpTestServer.Start();
        return Task.FromResult(ModerationLinkCalls.WithLinks(Smtp.Settings()));
    }

    // Crisis resources for the US and for German readers, as a site owner would configure them.
    protected override void ConfigureModeration(ModerationSettings settings) => CrisisResourceSamples.Configure(settings);

    protected override async Task StopServersAsync()
    {
        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
