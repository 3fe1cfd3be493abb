using MailKit.Net.Smtp;

namespace Commentary.Core.Notifications;

/// <summary>Mail as a notification channel: what became of one message, in the dispatcher's terms.</summary>
public static class MailDeliveryOutcome
{
    /// <summary>
    /// Sends <paramref name="message"/>: <see cref="DeliveryResult.Sent"/>; <see cref="DeliveryResult.Refused"/> when the
    /// server refuses the recipient for good (5xx) or mail is not configured; otherwise try again later.
    /// </summary>
    public static async Task<DeliveryResult> SendAsDeliveryAsync(this IMailSender mail, MailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        try
        {
            await mail.SendAsync(message, cancellationToken);
            return DeliveryResult.Sent;
        }
        catch (MailDeliveryException e) when (e.InnerException is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 and < (SmtpStatusCode)600, ErrorCode: SmtpErrorCode.RecipientNotAccepted })
        {
            return DeliveryResult.Refused(e.Message);
        }
        catch (MailDeliveryException e)
        {
            return DeliveryResult.RetryLater(e.Message);
        }
        catch (MailNotConfiguredException e)
        {
            return DeliveryResult.Refused(e.Message);
        }
    }
}
