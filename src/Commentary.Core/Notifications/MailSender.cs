using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Commentary.Core.Notifications;

/// <summary>One message to one person, as plain text and HTML.</summary>
public sealed record MailMessage(string To, string? ToName, string Subject, string Text, string Html)
{
    /// <summary>
    /// Extra header fields (<c>Auto-Submitted</c>, <c>List-Unsubscribe</c>…). <c>Message-ID</c> here replaces the one
    /// MimeKit would make: a notification sent again under the same id is recognised as the same message.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}

/// <summary>Sends mail. <see cref="IsConfigured"/> is false when the site has no mail settings; sending then throws.</summary>
public interface IMailSender
{
    bool IsConfigured { get; }

    /// <exception cref="MailNotConfiguredException">There are no mail settings.</exception>
    /// <exception cref="MailDeliveryException">The SMTP server could not be reached or refused the message.</exception>
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}

public sealed class MailNotConfiguredException() : InvalidOperationException("Mail is not configured: set Mail__Host and Mail__From.");

public sealed class MailDeliveryException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// <see cref="IMailSender"/> over SMTP with MailKit: one connection per message, which is plenty for mail a person
/// decides to send. TLS is required unless <c>Mail__Security</c> is <c>None</c>.
/// </summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new MailNotConfiguredException();
        }

        using var mime = ToMime(settings, message);
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host!, settings.EffectivePort, SocketOptions(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException and (IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
            or MailKit.CommandException or AuthenticationException or SslHandshakeException or TimeoutException))
        {
            throw new MailDeliveryException($"The mail server {settings.Host}:{settings.EffectivePort} did not take the message: {e.Message}", e);
        }
    }

    internal static MimeMessage ToMime(MailOptions settings, MailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From!));
        mime.To.Add(new MailboxAddress(message.ToName ?? string.Empty, message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
        {
            if (string.Equals(name, "Message-ID", StringComparison.OrdinalIgnoreCase))
            {
                mime.MessageId = value.Trim('<', '>', ' ');
            }
            else
            {
                mime.Headers.Replace(name, value);
            }
        }

        return mime;
    }

    private static SecureSocketOptions SocketOptions(MailSecurity security) => security switch
    {
        MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
        MailSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
