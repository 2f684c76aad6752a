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

    public async Task SendAsync(IReadOnlyList<(string Subject, string Body)> mails, CancellationToken cancellationToken)
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
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
        }

        foreach (var (subject, body) in mails)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(smtp.From));
            foreach (var to in smtp.To)
            {
                message.To.Add(MailboxAddress.Parse(to));
            }

            message.Subject = subject;
            message.Body = new TextPart("plain") { Text = body };
            await client.SendAsync(message, cancellationToken);
        }

        await client.DisconnectAsync(true, cancellationToken);
        logger.LogInformation("Mailed {Count} alert message(s) to {Recipients} recipient(s)", mails.Count, smtp.To.Count);
    }
}
