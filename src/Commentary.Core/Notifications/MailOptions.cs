namespace Commentary.Core.Notifications;

/// <summary>How mail leaves: application settings <c>Mail__Host</c>, <c>__Port</c>, <c>__UserName</c>, <c>__Password</c>, <c>__From</c>, <c>__Security</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The SMTP server; mail is off while this is empty.</summary>
    public string? Host { get; set; }

    /// <summary>587 (submission with STARTTLS) unless set; 465 for <see cref="MailSecurity.Tls"/>.</summary>
    public int? Port { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, <c>address</c> or <c>Name &lt;address&gt;</c>.</summary>
    public string? From { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host) && !string.IsNullOrWhiteSpace(From);

    public int EffectivePort => Port ?? (Security == MailSecurity.Tls ? 465 : 587);

    /// <summary>What is wrong with settings that are partly there, one sentence each naming the setting.</summary>
    public static IEnumerable<string> Problems(MailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = !string.IsNullOrWhiteSpace(options.Host);
        var from = !string.IsNullOrWhiteSpace(options.From);
        if (host != from)
        {
            yield return "Mail:Host and Mail:From go together: set both to send mail, or neither.";
        }

        if (from && !MimeKit.MailboxAddress.TryParse(options.From, out _))
        {
            yield return "Mail:From is not an email address (\"name@example.org\" or \"Name <name@example.org>\").";
        }

        if (options.Port is < 1 or > 65535)
        {
            yield return "Mail:Port must be from 1 to 65535.";
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            yield return "Mail:UserName and Mail:Password go together.";
        }
    }
}

/// <summary>How the connection to the SMTP server is protected. TLS is on unless <see cref="None"/> is chosen.</summary>
public enum MailSecurity
{
    /// <summary>Upgrade with STARTTLS, and refuse a server that does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,

    /// <summary>Plain text: only for a server on the same machine or in tests.</summary>
    None,
}
