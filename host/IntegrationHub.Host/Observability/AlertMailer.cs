using IntegrationHub.Host.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IntegrationHub.Host.Observability;

/// <summary>Sends mail to the officials in <c>Alerts:Smtp:To</c> through MailKit. One connection per batch of mails.</summary>
public sealed class AlertMailer(IOptions<AlertOptions> options, ILogger<AlertMailer> logger)
{
    public bool Enabled => options.Value.Smtp.Enabled;

    /// <param name="sent">Called after each mail is accepted by the server, so a later failure does not resend it.</param>
    public async Task SendAsync(IReadOnlyList<(string Subject, string Body)> mails, Func<int, Task>? sent, CancellationToken cancellationToken)
    {
        if (mails.Count == 0)
        {
            return;
        }

        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        var security = smtp.Security switch
        {
            "None" => SecureSocketOptions.None,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            // StartTls is required, not "when available": a server (or a man in the middle) without it must not get the password in clear.
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
        }

        for (var i = 0; i < mails.Count; i++)
        {
            var (subject, body) = mails[i];
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(smtp.From));
            foreach (var to in smtp.To)
            {
                message.To.Add(MailboxAddress.Parse(to));
            }

            message.Subject = subject;
            message.Body = new TextPart("plain") { Text = body };
            await client.SendAsync(message, cancellationToken);
            if (sent is not null)
            {
                await sent(i);
            }
        }

        await client.DisconnectAsync(true, cancellationToken);
        logger.LogInformation("Mailed {Count} alert message(s) to {Recipients} recipient(s)", mails.Count, smtp.To.Count);
    }
}
